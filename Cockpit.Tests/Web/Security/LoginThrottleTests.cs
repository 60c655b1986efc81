using Cockpit.Web.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Web.Security;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(Options.Create(new LoginOptions()), _time);

    private void Fail(string name, int times, TimeSpan apart = default)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.Failed(name);
            _time.Advance(apart);
        }
    }

    [Fact]
    public void LockedFor_FourFailures_StillOpen()
    {
        Fail("li.wei", 4);

        Assert.Null(_throttle.LockedFor("li.wei"));
    }

    [Fact]
    public void LockedFor_FiveFailuresWithinFiveMinutes_LockedUntilTheFirstLeavesTheWindow()
    {
        Fail("li.wei", 5, TimeSpan.FromSeconds(30));

        // The first failure was 2:30 ago: it leaves the window in 2:30.
        Assert.Equal(TimeSpan.FromSeconds(150), _throttle.LockedFor("li.wei"));
        _time.Advance(TimeSpan.FromSeconds(149));
        Assert.NotNull(_throttle.LockedFor("li.wei"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_throttle.LockedFor("li.wei"));
    }

    [Fact]
    public void LockedFor_FailuresSpreadWiderThanTheWindow_NeverLocked()
    {
        Fail("li.wei", 20, TimeSpan.FromMinutes(1.5));

        Assert.Null(_throttle.LockedFor("li.wei"));
    }

    [Fact]
    public void LockedFor_OtherCaseOrSpaces_SameName_OtherNamesUnaffected()
    {
        Fail("Li.Wei ", 5);

        Assert.NotNull(_throttle.LockedFor("li.wei"));
        Assert.Null(_throttle.LockedFor("wang.fang"));
    }

    [Fact]
    public void Succeeded_ForgetsEarlierFailures()
    {
        Fail("li.wei", 4);
        _throttle.Succeeded("li.wei");
        Fail("li.wei", 4);

        Assert.Null(_throttle.LockedFor("li.wei"));
    }

    [Fact]
    public void Failed_SprayOfNames_TracksAtMostMaxNamesAndStillCountsTheNewest()
    {
        for (var i = 0; i < LoginThrottle.MaxNames + 500; i++)
        {
            _throttle.Failed("user" + i);
        }

        Fail("li.wei", 5);

        Assert.True(_throttle.TrackedNames <= LoginThrottle.MaxNames, $"{_throttle.TrackedNames} names tracked");
        Assert.NotNull(_throttle.LockedFor("li.wei"));
    }

    [Fact]
    public void Locked_OnlyLockedNames_ThoseLockedLongestFirstAtMostMax()
    {
        Fail("li.wei", 5);
        _time.Advance(TimeSpan.FromMinutes(1));
        Fail("wang.fang", 5);
        Fail("chen.jie", 4);
        Fail("zhao.min", 5);

        Assert.Equal(
            [("wang.fang", _time.GetUtcNow().AddMinutes(5)), ("zhao.min", _time.GetUtcNow().AddMinutes(5)), ("li.wei", _time.GetUtcNow().AddMinutes(4))],
            _throttle.Locked().Select(l => (l.Name, l.Until)));
        Assert.Equal(["wang.fang"], _throttle.Locked(max: 1).Select(l => l.Name));
    }

    [Fact]
    public void LockoutsChanged_RaisedWhenANameLocksAndWhenItIsUnlocked_NotForOtherFailures()
    {
        var raised = 0;
        _throttle.LockoutsChanged += () => raised++;

        Fail("li.wei", 4);
        Assert.Equal(0, raised);
        Fail("li.wei", 1);
        Assert.Equal(1, raised);

        Assert.False(_throttle.Unlock("wang.fang"));
        Assert.True(_throttle.Unlock(" LI.WEI"));
        Assert.False(_throttle.Unlock("li.wei"));
        Assert.Equal(2, raised);
        Assert.Null(_throttle.LockedFor("li.wei"));
        Assert.Equal(0, _throttle.TrackedNames);
    }
}
