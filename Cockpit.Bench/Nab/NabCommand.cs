using System.Diagnostics;
using System.Globalization;

namespace Cockpit.Bench.Nab;

/// <summary>
/// The Numenta Anomaly Benchmark on Cockpit's production pipeline:
/// <c>dotnet run -c Release --project Cockpit.Bench -- nab --data &lt;folder&gt; --out &lt;folder&gt; [--detectors a,b] [--windows &lt;file&gt;]</c>.
/// Streams every <c>data/&lt;category&gt;/*.csv</c> through the CSV replay in virtual time into each detector, writes
/// NAB-format results, then scores them by NAB's rule (SCORING.md) with the threshold optimised per profile, and
/// prints the standard, reward_low_FP_rate and reward_low_FN_rate scores; then the same with each category scored
/// at the threshold fitted on the other categories (<see cref="NabLeaveOneCategoryOut"/>). One configuration for every file.
/// </summary>
public static class NabCommand
{
    /// <summary>Runs the command; 0 on success, 1 when the corpus or a detector fails, 2 on bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var arguments = NabArguments.Parse(args, out var problem);
        if (arguments is null)
        {
            error.WriteLine($"nab: {problem}");
            error.WriteLine(NabArguments.Usage);
            return 2;
        }

        var detectors = Select(arguments.Detectors, out problem);
        if (detectors is null)
        {
            error.WriteLine($"nab: {problem}");
            return 2;
        }

        try
        {
            Run(arguments, detectors, output, error);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"nab: {ex.Message}");
            return 1;
        }
    }

    private static void Run(NabArguments arguments, IReadOnlyList<INabDetector> detectors, TextWriter output, TextWriter error)
    {
        var total = Stopwatch.StartNew();
        var corpus = NabCorpus.Load(arguments.DataFolder, arguments.WindowsFile);
        foreach (var warning in corpus.Warnings)
        {
            error.WriteLine($"nab: warning: {warning}");
        }

        var scoredFiles = corpus.ScoredFiles.ToList();
        output.WriteLine(Invariant($"Corpus {arguments.DataFolder}: {corpus.Files.Count} files, {corpus.Files.Sum(f => f.Rows.Count):N0} rows; scored: {scoredFiles.Count} files, {scoredFiles.Sum(f => f.Labels.WindowCount)} windows (W)"));

        var results = new List<(string Detector, IReadOnlyList<NabProfileScore> Fitted, IReadOnlyList<NabLeaveOneCategoryOutScore> LeaveOneOut)>();
        using var replay = new NabReplay();
        foreach (var detector in detectors)
        {
            var streaming = Stopwatch.StartNew();
            var scored = new List<NabScoredFile>(scoredFiles.Count);
            foreach (var file in corpus.Files)
            {
                var scores = replay.Score(file, detector);
                NabResultsWriter.Write(arguments.OutFolder, detector.Name, file, scores);
                if (file.InWindowsFile)
                {
                    scored.Add(new NabScoredFile(file.Labels, scores));
                }
            }

            var streamed = streaming.Elapsed;
            var scoring = Stopwatch.StartNew();
            var profileScores = NabScorer.Score(scored, NabProfile.All);
            var leaveOneOut = NabLeaveOneCategoryOut.Score(scored, NabProfile.All);
            var unscored = corpus.Files.Where(f => !f.InWindowsFile).Select(f => f.Key);
            var scoresPath = NabScoresFile.Write(arguments.OutFolder, detector.Name, profileScores, leaveOneOut, unscored);
            output.WriteLine(Invariant($"{detector.Name}: streamed and wrote {corpus.Files.Count} files in {streamed.TotalSeconds:0.00} s, scored in {scoring.Elapsed.TotalSeconds:0.00} s → {scoresPath}"));
            foreach (var score in profileScores)
            {
                output.WriteLine(Invariant($"  {score.Profile.Name,-19} threshold {score.Threshold,-8:0.######}  {Describe(score)}"));
            }

            output.WriteLine("  leave one category out (each category at the threshold fitted on the others):");
            foreach (var profile in leaveOneOut)
            {
                output.WriteLine($"    {profile.Profile.Name}");
                foreach (var category in profile.Categories)
                {
                    output.WriteLine(Invariant($"      {category.Category,-22} threshold {category.Score.Threshold,-8:0.######}  {Describe(category.Score)}"));
                }

                output.WriteLine(Invariant($"      {"total",-22} {"",-18}  {Describe(profile.RawScore, profile.NormalisedScore, profile.DetectedWindows, profile.Windows, profile.MissedWindows, profile.FalsePositives)}"));
            }

            results.Add((detector.Name, profileScores, leaveOneOut));
        }

        output.WriteLine();
        WriteTable(output, "Threshold fitted on every file, as NAB does", results.Select(r => (r.Detector, r.Fitted.Select(s => s.NormalisedScore))));
        output.WriteLine();
        WriteTable(output, "Leave one category out (each category at the threshold fitted on the others)", results.Select(r => (r.Detector, r.LeaveOneOut.Select(s => s.NormalisedScore))));
        output.WriteLine(Invariant($"Total wall time {total.Elapsed.TotalSeconds:0.00} s"));
    }

    private static void WriteTable(TextWriter output, string caption, IEnumerable<(string Detector, IEnumerable<double> Scores)> rows)
    {
        output.WriteLine($"{caption}:");
        output.WriteLine($"| detector | {string.Join(" | ", NabProfile.All.Select(p => p.Name))} |");
        output.WriteLine($"| --- |{string.Concat(NabProfile.All.Select(_ => " ---: |"))}");
        foreach (var (detector, scores) in rows)
        {
            output.WriteLine($"| {detector} | {string.Join(" | ", scores.Select(Format))} |");
        }
    }

    private static string Describe(NabProfileScore score) =>
        Describe(score.RawScore, score.NormalisedScore, score.DetectedWindows, score.Windows, score.MissedWindows, score.FalsePositives);

    private static string Describe(double raw, double normalised, int detected, int windows, int missed, int falsePositives) =>
        Invariant($"raw {raw,9:0.0000}  score {Format(normalised),6}  windows detected {detected}/{windows}, missed {missed}, false positives {falsePositives}");

    private static IReadOnlyList<INabDetector>? Select(IReadOnlyList<string> names, out string? problem)
    {
        problem = null;
        if (names.Count == 0)
        {
            return NabDetectors.All;
        }

        var unknown = names.Where(n => !NabDetectors.All.Any(d => d.Name == n)).ToList();
        if (unknown.Count > 0)
        {
            problem = $"unknown detector(s) {string.Join(", ", unknown)}; registered: {string.Join(", ", NabDetectors.All.Select(d => d.Name))}";
            return null;
        }

        return [.. NabDetectors.All.Where(d => names.Contains(d.Name))];
    }

    private static string Format(double score) => double.IsNaN(score) ? "n/a" : score.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
