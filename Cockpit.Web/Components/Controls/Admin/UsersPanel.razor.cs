using Cockpit.Web.Localization;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Components.Controls.Admin;

/// <summary>
/// The users section of <c>/admin</c>: every user with role, source and state; a form to create managed users; role,
/// password, disable/enable and delete for managed ones; names locked by failed sign-ins with "unlock"; the latest
/// changes. Re-renders when another admin (or the API) changes users or a name gets locked.
/// </summary>
public partial class UsersPanel : IDisposable
{
    private const int ChangesShown = 15;

    private readonly NewUser _new = new();
    private IReadOnlyList<UserEntry> _users = [];
    private IReadOnlyList<LockedUserName> _locked = [];
    private IReadOnlyList<UserChange> _changes = [];
    private bool _demo;
    private string? _error;
    private string? _message;
    private string? _resetting;
    private string? _resetPassword;
    private string? _deleting;
    private ITimer? _expiry;
    private ViewerCulture _viewer = default!;
    private bool _disposed;

    // Part of the role selects' keys: a refused change re-creates them, so they do not keep showing the refused role.
    private int _version;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private ManagedUserStore Store { get; set; } = default!;

    [Inject]
    private LoginThrottle Throttle { get; set; } = default!;

    [Inject]
    private UserDirectory Directory { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UsersPanel> L { get; set; } = default!;

    [Inject]
    private DisplayTimeZone Zone { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    protected override void OnInitialized()
    {
        _viewer = ViewerCulture.Capture();
        _demo = Directory.DemoUsersActive;
        Refresh();
        Store.Changed += OnChanged;
        Throttle.LockoutsChanged += OnChanged;
    }

    public void Dispose()
    {
        _disposed = true;
        Store.Changed -= OnChanged;
        Throttle.LockoutsChanged -= OnChanged;
        _expiry?.Dispose();
        GC.SuppressFinalize(this);
    }

    // Raised on the changing admin's thread or a timer's, in their culture: render in this viewer's.
    private void OnChanged() => _ = _viewer.InvokeAsync(InvokeAsync, () =>
    {
        // An event raised while the circuit was closing: no refresh, and above all no new timer.
        if (_disposed)
        {
            return;
        }

        Refresh();
        StateHasChanged();
    });

    private void Refresh()
    {
        _version++;
        _users = Users.List();
        _locked = Users.Locked();
        _changes = Users.Changes(ChangesShown);

        // A lock ends by itself: re-render when the first one does, so the list does not show it after that.
        _expiry?.Dispose();
        _expiry = null;
        if (_locked.Count > 0)
        {
            var due = _locked.Min(l => l.Until) - Clock.GetUtcNow();
            _expiry = Clock.CreateTimer(_ => OnChanged(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task<System.Security.Claims.ClaimsPrincipal?> CallerAsync() => AuthState is null ? null : (await AuthState).User;

    private async Task CreateAsync()
    {
        var name = _new.Name?.Trim() ?? "";
        var outcome = Users.Create(await CallerAsync(), name, _new.DisplayName, _new.Role, _new.Password);

        // The password never goes back to the browser, whatever happened.
        _new.Password = null;
        if (Report(outcome, "Created", name))
        {
            _new.Name = _new.DisplayName = null;
            _new.Role = ApiRoles.Viewer;
        }
    }

    private async Task ChangeRoleAsync(string name, string? role) =>
        Report(Users.ChangeRole(await CallerAsync(), name, role), "RoleChanged", name);

    private void StartReset(string name) => (_resetting, _resetPassword, _deleting) = (name, null, null);

    private void CancelReset() => (_resetting, _resetPassword) = (null, null);

    private async Task ResetAsync(string name)
    {
        var outcome = Users.ResetPassword(await CallerAsync(), name, _resetPassword);
        _resetPassword = null;
        if (Report(outcome, "PasswordReset", name))
        {
            _resetting = null;
        }
    }

    private async Task SetDisabledAsync(string name, bool disabled) =>
        Report(Users.SetDisabled(await CallerAsync(), name, disabled), disabled ? "Disabled" : "Enabled", name);

    private void StartDelete(string name) => (_deleting, _resetting, _resetPassword) = (name, null, null);

    private async Task DeleteAsync(string name)
    {
        _deleting = null;
        Report(Users.Delete(await CallerAsync(), name), "Deleted", name);
    }

    private async Task UnlockAsync(string name) =>
        Report(Users.Unlock(await CallerAsync(), name), "Unlocked", name);

    private bool Report(UserAdminOutcome outcome, string done, string name)
    {
        var ok = outcome == UserAdminOutcome.Done;
        _error = ok ? null : L["Outcome_" + outcome, UserAdministration.MinPasswordLength].Value;
        _message = ok ? L["Done_" + done, name].Value : null;
        Refresh();
        return ok;
    }

    private string RoleName(string role) => L["Role_" + role] is { ResourceNotFound: false } text ? text.Value : role;

    private string State(UserEntry user) =>
        user.Shadowed ? L["Shadowed"] : user.Disabled ? L["Disabled"] : L["Active"];

    /// <summary>What the create form holds.</summary>
    private sealed class NewUser
    {
        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        public string Role { get; set; } = ApiRoles.Viewer;

        public string? Password { get; set; }
    }
}
