using System.Runtime.CompilerServices;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Remembers at which times of day a series showed anomalous evidence on each of the last seven days, so evidence that
/// comes back at the same time of day (a nightly backup, a batch job, a daily report, a weekly job) is recognised as
/// routine even when it is too short for the hourly seasonal baseline to learn. One bit per ten-minute slot of the day
/// and per day (UTC days: a daily routine recurs every 24 hours whatever the local offset); a slot recurs when it or one
/// of its two neighbours either side was marked on one of the last seven days. State: one byte per slot whose bits are
/// today and the seven days before it (168 B).
/// </summary>
public sealed class DailyRecurrence
{
    private const long DayNs = 86_400_000_000_000;
    private const int SlotsPerDay = 144;
    private const long SlotNs = DayNs / SlotsPerDay;

    // A week: a routine that skips weekends or a job that runs every few days is still a routine. (Two days, as first
    // written, left such jobs paging: NAB cockpit 71.61 with two days, 72.17 with six, 72.35 with seven, 71.97 with 13.)
    private const int DaysRemembered = 7;

    // A job starts a little earlier or later from day to day: within two slots (20 minutes) either side is the same
    // time of day. (NAB cockpit 72.35 with one slot, 72.90 with two, 71.62 with three: wider starts hiding incidents.)
    private const int NeighbourSlots = 2;

    // Per slot, bit d is set when the slot was marked d days ago (bit 0: today). Today and seven days fill a byte, so
    // rolling a day is a shift of every slot.
    private const int Today = 1;
    private const int PastDays = ((1 << (DaysRemembered + 1)) - 1) & ~Today;

    // Inside this object: an array would cost a header and a reference.
    private Slots _days;
    private long _day = long.MinValue;

    /// <summary>Bytes of state.</summary>
    public int StateBytes => StateSize.Object(8 + SlotsPerDay);

    /// <summary>
    /// Whether anomalous evidence was marked around this time of day on one of the seven previous days; then, when
    /// <paramref name="anomalous"/>, marks this time of today. Points older than today teach nothing.
    /// </summary>
    public bool Recurs(long timestampNs, bool anomalous)
    {
        var day = Math.DivRem(timestampNs, DayNs, out var sinceMidnight);
        if (sinceMidnight < 0)
        {
            day--;
            sinceMidnight += DayNs;
        }

        if (day > _day)
        {
            Roll(_day == long.MinValue ? DaysRemembered + 1 : Math.Min(day - _day, DaysRemembered + 1));
            _day = day;
        }

        var slot = (int)(sinceMidnight / SlotNs);
        var recurs = false;
        for (var near = -NeighbourSlots; near <= NeighbourSlots && !recurs; near++)
        {
            // Neighbours of midnight wrap into the same day's slots: close enough for a routine that runs at midnight.
            recurs = (_days[(slot + near + SlotsPerDay) % SlotsPerDay] & PastDays) != 0;
        }

        if (anomalous && day == _day)
        {
            _days[slot] |= Today;
        }

        return recurs;
    }

    // Every slot's days move one bit back per day; the oldest falls off the byte.
    private void Roll(long days)
    {
        foreach (ref var slot in (Span<byte>)_days)
        {
            slot = (byte)(slot << (int)days);
        }
    }

    [InlineArray(SlotsPerDay)]
    private struct Slots
    {
        private byte _days;
    }
}
