namespace Cockpit.Web.Security;

/// <summary>
/// Counts failed sign-ins per user name (known or not, so that the answer says nothing about which names exist) and
/// locks a name after <see cref="LoginOptions.MaxFailures"/> failures within <see cref="LoginOptions.FailureWindow"/>.
/// Memory is bounded: at most <see cref="MaxNames"/> names are tracked, the stalest dropped first.
/// </summary>
public sealed class LoginThrottle(Microsoft.Extensions.Options.IOptions<LoginOptions> options, TimeProvider time)
{
    /// <summary>Most user names tracked at once.</summary>
    public const int MaxNames = 10_000;

    private readonly LoginOptions _options = options.Value;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="userName"/> stays locked, or null when it may try now.</summary>
    public TimeSpan? LockedFor(string userName)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_failures.TryGetValue(Key(userName), out var failures))
            {
                return null;
            }

            Expire(failures, now);
            return failures.Count >= _options.MaxFailures ? failures.Peek() + _options.FailureWindow - now : null;
        }
    }

    /// <summary>Raised (outside the lock) when a user name becomes locked or is unlocked, so an open admin screen shows it.</summary>
    public event Action? LockoutsChanged;

    /// <summary>The user names locked now, those that stay locked longest first; at most <paramref name="max"/>.</summary>
    public IReadOnlyList<LockedUserName> Locked(int max = 100)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var locked = new List<LockedUserName>();
            foreach (var (name, failures) in _failures)
            {
                Expire(failures, now);
                if (failures.Count >= _options.MaxFailures)
                {
                    locked.Add(new LockedUserName(name, failures.Peek() + _options.FailureWindow));
                }
            }

            return [.. locked.OrderByDescending(l => l.Until).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).Take(max)];
        }
    }

    /// <summary>Forgets the failures of <paramref name="userName"/> (an admin unlocked it); false when it was not locked.</summary>
    public bool Unlock(string userName)
    {
        var wasLocked = LockedFor(userName) is not null;
        lock (_lock)
        {
            _failures.Remove(Key(userName));
        }

        if (wasLocked)
        {
            LockoutsChanged?.Invoke();
        }

        return wasLocked;
    }

    /// <summary>Records a failed sign-in for <paramref name="userName"/>.</summary>
    public void Failed(string userName)
    {
        var now = time.GetUtcNow();
        var key = Key(userName);
        var nowLocked = false;
        lock (_lock)
        {
            if (!_failures.TryGetValue(key, out var failures))
            {
                if (_failures.Count >= MaxNames)
                {
                    Prune(now);
                }

                failures = new Queue<DateTimeOffset>();
                _failures[key] = failures;
            }

            Expire(failures, now);
            nowLocked = failures.Count == _options.MaxFailures - 1;
            failures.Enqueue(now);
            while (failures.Count > _options.MaxFailures)
            {
                failures.Dequeue();
            }
        }

        if (nowLocked)
        {
            LockoutsChanged?.Invoke();
        }
    }

    /// <summary>Forgets the failures of <paramref name="userName"/> after it signed in.</summary>
    public void Succeeded(string userName)
    {
        lock (_lock)
        {
            _failures.Remove(Key(userName));
        }
    }

    /// <summary>How many names are tracked now (for tests).</summary>
    public int TrackedNames
    {
        get
        {
            lock (_lock)
            {
                return _failures.Count;
            }
        }
    }

    private static string Key(string userName) => userName.Trim();

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + _options.FailureWindow <= now)
        {
            failures.Dequeue();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (name, failures) in _failures)
        {
            Expire(failures, now);
            if (failures.Count == 0)
            {
                _failures.Remove(name);
            }
        }

        // Still full of live entries (a spray of names): drop the stalest so the newest attempts are still counted.
        var excess = _failures.Count - MaxNames + 1;
        if (excess > 0)
        {
            foreach (var name in _failures.OrderBy(f => f.Value.Last()).Take(excess).Select(f => f.Key).ToArray())
            {
                _failures.Remove(name);
            }
        }
    }
}
