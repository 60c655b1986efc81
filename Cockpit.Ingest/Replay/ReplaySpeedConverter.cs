using System.ComponentModel;
using System.Globalization;

namespace Cockpit.Ingest.Replay;

/// <summary>Lets configuration bind <see cref="ReplaySpeed"/> from <c>60</c>, <c>0.5</c> or <c>max</c>.</summary>
internal sealed class ReplaySpeedConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? ReplaySpeed.TryParse(text, out var speed)
                ? speed
                : throw new FormatException($"'{text}' is not a replay speed: use a number ≥ 0 (1 = real time, 60 = 60× faster) or 'max'.")
            : base.ConvertFrom(context, culture, value);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is ReplaySpeed speed ? speed.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
