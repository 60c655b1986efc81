using System.Globalization;
using System.Text;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Writes a detector's results in NAB's layout: <c>&lt;out&gt;/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;.csv</c>
/// with <c>timestamp,value,anomaly_score,label</c>, one line per data row in order; timestamp and value as the data
/// file has them, scores round-trippable, invariant culture.
/// </summary>
public static class NabResultsWriter
{
    /// <summary>The header of every results file.</summary>
    public const string Header = "timestamp,value,anomaly_score,label";

    /// <summary>Where the results of <paramref name="detector"/> for <paramref name="file"/> go under <paramref name="outFolder"/>.</summary>
    public static string PathFor(string outFolder, string detector, NabDataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(outFolder, detector, file.Category, $"{detector}_{file.Name}");
    }

    /// <summary>Writes the results file and returns its path.</summary>
    public static string Write(string outFolder, string detector, NabDataFile file, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != file.Rows.Count)
        {
            throw new ArgumentException($"{file.Key}: {scores.Count} scores for {file.Rows.Count} rows.", nameof(scores));
        }

        var path = PathFor(outFolder, detector, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        for (var i = 0; i < scores.Count; i++)
        {
            var row = file.Rows[i];
            writer.Write(row.Timestamp);
            writer.Write(',');
            writer.Write(row.Value);
            writer.Write(',');
            writer.Write(scores[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(file.Labels.Label(i) ? '1' : '0');
        }

        return path;
    }
}
