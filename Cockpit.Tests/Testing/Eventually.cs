namespace Cockpit.Tests.Testing;

/// <summary>
/// Waits for a condition on a running system (a real host, a real browser) with a generous deadline. Only for
/// end-to-end tests across processes and sockets; logic with time in it is tested in virtual time instead.
/// </summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, TimeSpan deadline, string what)
        where T : class
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
