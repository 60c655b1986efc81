extern alias bench;

using System.Globalization;
using bench::Cockpit.Bench.Nab;

namespace Cockpit.Tests.Bench;

/// <summary>Builders for NAB scorer and harness tests: files of rows five minutes apart, windows by row index.</summary>
internal static class NabTestFiles
{
    public static readonly DateTimeOffset Start = new(2015, 7, 10, 14, 25, 0, TimeSpan.Zero);

    public static DateTimeOffset Time(int row) => Start.AddMinutes(5 * row);

    /// <summary>A timestamp as NAB's data files write it.</summary>
    public static string DataTimestamp(int row) => Time(row).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A timestamp as NAB's windows file writes it (with microseconds).</summary>
    public static string WindowTimestamp(int row) => Time(row).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static NabWindow Window(int firstRow, int lastRow) => new(Time(firstRow), Time(lastRow));

    /// <summary>A file of <paramref name="rows"/> rows with windows given as (first row, last row).</summary>
    public static NabLabelledFile Labelled(int rows, params (int First, int Last)[] windows) =>
        Labelled("test/file.csv", rows, windows);

    public static NabLabelledFile Labelled(string key, int rows, params (int First, int Last)[] windows) =>
        NabLabelledFile.Create(key, [.. Enumerable.Range(0, rows).Select(Time)], [.. windows.Select(w => Window(w.First, w.Last))]);

    /// <summary>Scores <paramref name="labels"/>: <paramref name="score"/> for the rows it names, 0 elsewhere.</summary>
    public static NabScoredFile Scored(NabLabelledFile labels, IReadOnlyDictionary<int, double> score) =>
        new(labels, [.. Enumerable.Range(0, labels.RowCount).Select(row => score.GetValueOrDefault(row))]);

    public static NabScoredFile Scored(NabLabelledFile labels, Func<int, double> score) =>
        new(labels, [.. Enumerable.Range(0, labels.RowCount).Select(score)]);

    /// <summary>1 on the first row of every window (past the probationary period), 0 elsewhere.</summary>
    public static NabScoredFile Perfect(NabLabelledFile labels) =>
        Scored(labels, row => labels.IsScorable(row) && labels.WindowOf(row) != NabLabelledFile.Outside
            && (row == 0 || labels.WindowOf(row - 1) != labels.WindowOf(row)) ? 1 : 0);

    /// <summary>Writes a NAB data file: a header and one <c>timestamp,value</c> line per row; returns its path.</summary>
    public static string WriteCsv(string path, IEnumerable<string> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "timestamp,value\n" + string.Concat(rows.Select(r => r + "\n")));
        return path;
    }

    /// <summary>Rows five minutes apart with the given values (written invariantly).</summary>
    public static IEnumerable<string> Rows(IEnumerable<double> values) =>
        values.Select((v, row) => $"{DataTimestamp(row)},{v.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>SCORING.md §4's formula, written independently of the scorer: σ(p) = 2/(1 + e^(5p)) − 1, −1 beyond 3.</summary>
    public static double Sigma(double p) => p > 3 ? -1 : (2 / (1 + Math.Exp(5 * p))) - 1;
}
