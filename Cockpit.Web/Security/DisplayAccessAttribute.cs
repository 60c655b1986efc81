namespace Cockpit.Web.Security;

/// <summary>Marks a page a wall screen signed in with a display key may open; every other page and endpoint is closed to it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class DisplayAccessAttribute : Attribute;
