namespace Cockpit.Bench.Nab;

/// <summary>The options of the <c>nab</c> command.</summary>
/// <param name="DataFolder">The corpus folder (<c>data/</c> and <c>labels/</c>).</param>
/// <param name="OutFolder">Where results and scores go.</param>
/// <param name="WindowsFile">Another windows file than the corpus's, or null.</param>
/// <param name="Detectors">Names of the detectors to run; empty for all.</param>
public sealed record NabArguments(string DataFolder, string OutFolder, string? WindowsFile, IReadOnlyList<string> Detectors)
{
    /// <summary>How to call the command.</summary>
    public const string Usage =
        "usage: nab --data <folder with data/ and labels/> --out <folder> [--detectors a,b] [--windows <combined_windows.json>]";

    /// <summary>Reads <paramref name="args"/>; null with <paramref name="error"/> set when they do not fit.</summary>
    public static NabArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? data = null, output = null, windows = null;
        IReadOnlyList<string> detectors = [];
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                error = $"'{args[i]}' needs a value";
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--data":
                    data = value;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--windows":
                    windows = value;
                    break;
                case "--detectors":
                    detectors = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                default:
                    error = $"unknown option '{args[i - 1]}'";
                    return null;
            }
        }

        error = data is null ? "--data is required" : output is null ? "--out is required" : null;
        return error is null ? new NabArguments(data!, output!, windows, detectors) : null;
    }
}
