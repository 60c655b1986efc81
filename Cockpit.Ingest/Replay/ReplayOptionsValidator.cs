using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Replay;

/// <summary>Checks <c>Cockpit:Replay</c> when the replay is enabled; messages name the key to fix.</summary>
internal sealed class ReplayOptionsValidator : IValidateOptions<ReplayOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        const string Section = ReplayOptions.SectionName;
        var failures = new List<string>();
        if (options.Files.Count == 0)
        {
            failures.Add($"{Section}:Files is empty: give at least one file ({Section}:Files:0:Path) or set {Section}:Enabled=false.");
        }

        if (string.IsNullOrWhiteSpace(options.SourceName))
        {
            failures.Add($"{Section}:SourceName must not be empty.");
        }

        for (var i = 0; i < options.Files.Count; i++)
        {
            var key = $"{Section}:Files:{i}";
            var file = options.Files[i];
            if (string.IsNullOrWhiteSpace(file.Path))
            {
                failures.Add($"{key}:Path is required.");
            }

            if (file.Format != ReplayFormat.Csv)
            {
                continue;
            }

            var csv = file.Csv;
            if (csv is null || string.IsNullOrWhiteSpace(csv.Measurement))
            {
                failures.Add($"{key}:Csv:Measurement is required for a CSV file.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(csv.TimestampColumn))
            {
                failures.Add($"{key}:Csv:TimestampColumn must not be empty.");
            }

            // Line protocol cannot carry a line break in a name; such a mapping could never produce a valid line.
            var names = new[] { csv.Measurement }.Concat(csv.Tags.Keys).Concat(csv.Tags.Values).Concat(csv.Fields.Values);
            if (names.Any(n => n is not null && n.AsSpan().IndexOfAny('\r', '\n') >= 0))
            {
                failures.Add($"{key}:Csv: measurement, tag and field names must not contain line breaks.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
