using System.Runtime.CompilerServices;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Remembers at which times of day a series showed anomalous evidence on each of the last seven days, so evidence that
/// comes back at the same time of day (a nightly backup, a batch job, a daily report, a weekly job) is recognised as
/// routine even when it is too short for the hourly seasonal baseline to learn. Ten-minute slots of the day (UTC days:
/// a daily routine recurs every 24 hours whatever the local offset); a slot recurs when it or one of its two neighbours
/// either side was marked on one of the last seven days. State: four bits per slot, whether it was marked today and how
/// many days ago it was last marked before (80 B), held inside a <see cref="ScoreCalibration"/>: a struct, so it costs
/// no object header of its own. Keep it in a field or a local, never a copy.
/// </summary>
public struct DailyRecurrence
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

    // Per slot four bits: the top one says the slot was marked today, the other three how many days ago (1 to 7) it was
    // last marked before today, 0 when not within the week. That is all a week of daily marks is asked (was the slot
    // marked on one of the days before today), at half the bits of a mark per day. Two slots share a byte.
    private const int MarkedToday = 0b1000;
    private const int DaysAgo = 0b0111;
    private const int BitsPerSlot = 4;
    private const int SlotsPerByte = 8 / BitsPerSlot;
    private const int SlotMask = (1 << BitsPerSlot) - 1;

    // Inside this struct: an array would cost a header and a reference.
    private Slots _slots;
    private long _day = long.MinValue;

    /// <summary>Creates the state for one series: nothing marked.</summary>
    public DailyRecurrence()
    {
    }

    /// <summary>Bytes of state, where it is held.</summary>
    // Fields: a long and the slots.
    public readonly int StateBytes => StateSize.Inline(8 + (SlotsPerDay / SlotsPerByte));

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
            recurs = (Slot((slot + near + SlotsPerDay) % SlotsPerDay) & DaysAgo) != 0;
        }

        if (anomalous && day == _day)
        {
            SetSlot(slot, Slot(slot) | MarkedToday);
        }

        return recurs;
    }

    // Every slot's last mark ages by the days passed (today's becomes the newest earlier one); a mark older than the
    // week is forgotten.
    private void Roll(long days)
    {
        for (var slot = 0; slot < SlotsPerDay; slot++)
        {
            SetSlot(slot, Aged(Slot(slot), days));
        }
    }

    private static int Aged(int bits, long days)
    {
        if (bits == 0)
        {
            return 0;
        }

        var daysAgo = ((bits & MarkedToday) != 0 ? 0 : bits & DaysAgo) + days;
        return daysAgo <= DaysRemembered ? (int)daysAgo : 0;
    }

    private readonly int Slot(int slot) => (_slots[slot / SlotsPerByte] >> (BitsPerSlot * (slot % SlotsPerByte))) & SlotMask;

    private void SetSlot(int slot, int bits)
    {
        var shift = BitsPerSlot * (slot % SlotsPerByte);
        ref var pair = ref _slots[slot / SlotsPerByte];
        pair = (byte)((pair & ~(SlotMask << shift)) | (bits << shift));
    }

    [InlineArray(SlotsPerDay / SlotsPerByte)]
    private struct Slots
    {
        private byte _pair;
    }
}
