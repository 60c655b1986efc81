extern alias bench;

using System.Globalization;
using System.Text.Json;
using bench::Cockpit.Bench.Nab;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Bench;

public sealed class NabCommandTests : IDisposable
{
    private const int Rows = 300;
    private const int Spike = 200;

    private readonly TempDirectory _dir = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public NabCommandTests()
    {
        Root = Path.Combine(_dir.Path, "corpus");
        Out = Path.Combine(_dir.Path, "out");
    }

    private string Root { get; }

    private string Out { get; }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _dir.Dispose();
    }

    /// <summary>
    /// Two categories: a file with a spike inside its window, a quiet file with an empty window list, and a file the
    /// windows file does not list.
    /// </summary>
    private void WriteCorpus()
    {
        NabTestFiles.WriteCsv(Path.Combine(Root, "data", "realTest", "spiky.csv"), NabTestFiles.Rows(Values(spikeAt: Spike)));
        NabTestFiles.WriteCsv(Path.Combine(Root, "data", "artificialTest", "quiet.csv"), NabTestFiles.Rows(Values(spikeAt: -1)));
        NabTestFiles.WriteCsv(Path.Combine(Root, "data", "artificialTest", "unlisted.csv"), NabTestFiles.Rows(Values(spikeAt: -1)));
        Directory.CreateDirectory(Path.Combine(Root, "labels"));
        File.WriteAllText(Path.Combine(Root, "labels", "combined_windows.json"), $$"""
            {
                "artificialTest/quiet.csv": [],
                "realTest/spiky.csv": [
                    [
                        "{{NabTestFiles.WindowTimestamp(Spike - 10)}}",
                        "{{NabTestFiles.WindowTimestamp(Spike + 9)}}"
                    ]
                ]
            }
            """);
    }

    // A noisy level of about 10 with, optionally, one value of 100.
    private static IEnumerable<double> Values(int spikeAt) =>
        Enumerable.Range(0, Rows).Select(row => row == spikeAt ? 100 : 10 + ((row * 7919) % 5 * 0.5));

    private int Run(params string[] args) => NabCommand.Run(args, _output, _error);

    // Writes the corpus, runs the surge detector on it and reads its scores file.
    private JsonDocument RunSurgeOnTheCorpus()
    {
        WriteCorpus();
        Assert.Equal(0, Run("--data", Root, "--out", Out, "--detectors", "surge"));
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "surge", "scores.json")));
    }

    private static List<string[]> ReadCsv(string path) =>
        [.. File.ReadAllLines(path).Select(line => line.Split(','))];

    [Fact]
    public void Run_GeneratedCorpus_WritesOneResultsRowPerDataRowAtNabsPaths()
    {
        WriteCorpus();

        Assert.Equal(0, Run("--data", Root, "--out", Out, "--detectors", "surge"));

        foreach (var (category, name) in new[] { ("realTest", "spiky.csv"), ("artificialTest", "quiet.csv"), ("artificialTest", "unlisted.csv") })
        {
            var data = ReadCsv(Path.Combine(Root, "data", category, name));
            var results = ReadCsv(Path.Combine(Out, "surge", category, $"surge_{name}"));
            Assert.Equal(["timestamp", "value", "anomaly_score", "label"], results[0]);
            Assert.Equal(data.Count, results.Count);
            for (var i = 1; i < data.Count; i++)
            {
                Assert.Equal(data[i][0], results[i][0]);
                Assert.Equal(data[i][1], results[i][1]);
                var score = double.Parse(results[i][2], CultureInfo.InvariantCulture);
                Assert.InRange(score, 0, 1);
                var inWindow = name == "spiky.csv" && i - 1 >= Spike - 10 && i - 1 <= Spike + 9;
                Assert.Equal(inWindow ? "1" : "0", results[i][3]);
            }
        }

        var spiky = ReadCsv(Path.Combine(Out, "surge", "realTest", "surge_spiky.csv"));
        var scores = spiky.Skip(1).Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Spike, scores.IndexOf(scores.Max()));
        Assert.True(scores[Spike] > 0.99);
    }

    [Fact]
    public void Run_GeneratedCorpus_ScoresListedFilesPrintsTheSummaryAndWarnsAboutTheUnlistedOne()
    {
        using var json = RunSurgeOnTheCorpus();

        var output = _output.ToString();
        Assert.Contains("3 files, 900 rows; scored: 2 files, 1 windows (W)", output, StringComparison.Ordinal);
        Assert.Contains("| detector | standard | reward_low_FP_rate | reward_low_FN_rate |", output, StringComparison.Ordinal);
        // The spike is caught ten rows into its twenty-row window (p = −0.5): 0.84828/0.98661 = 0.8598 of A_TP.
        Assert.Contains("| surge | 92.99 | 92.99 | 95.33 |", output, StringComparison.Ordinal);
        Assert.Contains("artificialTest/unlisted.csv is not in", _error.ToString(), StringComparison.Ordinal);

        var standard = json.RootElement.GetProperty("profiles")[0];
        Assert.Equal("standard", standard.GetProperty("profile").GetString());
        Assert.Equal(100 * ((0.84828 / 0.98661) + 1) / 2, standard.GetProperty("score").GetDouble(), 3);
        Assert.Equal(1, standard.GetProperty("detectedWindows").GetInt32());
        Assert.Equal(["artificialTest/quiet.csv", "realTest/spiky.csv"], standard.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal("artificialTest/unlisted.csv", json.RootElement.GetProperty("unscoredFiles")[0].GetString());
    }

    [Fact]
    public void Run_GeneratedCorpus_PrintsAndWritesTheLeaveOneCategoryOutScores()
    {
        using var json = RunSurgeOnTheCorpus();

        // realTest's threshold is fitted on artificialTest alone, which has no window: 1.1, so its window is missed
        // and the total is the null detector's 0 (the quiet file stays silent at the spike's threshold).
        var output = _output.ToString();
        Assert.Contains("Leave one category out", output, StringComparison.Ordinal);
        Assert.Contains("| surge | 0.00 | 0.00 | 0.00 |", output, StringComparison.Ordinal);
        var standard = json.RootElement.GetProperty("leaveOneCategoryOut")[0];
        Assert.Equal("standard", standard.GetProperty("profile").GetString());
        Assert.Equal(0, standard.GetProperty("score").GetDouble(), 9);
        var categories = standard.GetProperty("categories");
        Assert.Equal(["artificialTest", "realTest"], categories.EnumerateArray().Select(c => c.GetProperty("category").GetString()));
        Assert.Equal(JsonValueKind.Null, categories[0].GetProperty("score").ValueKind);
        Assert.Equal(0, categories[0].GetProperty("falsePositives").GetInt32());
        Assert.Equal(NabThresholdSweep.FirstCandidate, categories[1].GetProperty("threshold").GetDouble());
        Assert.Equal(1, categories[1].GetProperty("missedWindows").GetInt32());
    }

    [Fact]
    public void Run_DataFileWithARowTheReplayRejects_Exit1WithFileAndLine()
    {
        WriteCorpus();
        var path = Path.Combine(Root, "data", "realTest", "spiky.csv");
        var lines = File.ReadAllLines(path);
        lines[5] = lines[5].Split(',')[0] + ",n/a";
        File.WriteAllLines(path, lines);

        Assert.Equal(1, Run("--data", Root, "--out", Out));

        Assert.Contains("spiky.csv:6: the production CSV replay rejected the row ('n/a' in column 'value' is not a number)", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WindowNotInTheFile_Exit1NamingTheWindow()
    {
        WriteCorpus();
        File.WriteAllText(Path.Combine(Root, "labels", "combined_windows.json"), """{ "realTest/spiky.csv": [["2001-01-01 00:00:00", "2001-01-01 01:00:00"]] }""");

        Assert.Equal(1, Run("--data", Root, "--out", Out));

        Assert.Contains("realTest/spiky.csv: window [2001-01-01 00:00:00, 2001-01-01 01:00:00] starts at a time that is not a timestamp of the file", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WindowsFileListsAFileThatIsNotInTheData_WarnsAndLeavesItsWindowsOutOfW()
    {
        WriteCorpus();
        var windows = Path.Combine(_dir.Path, "subset_windows.json");
        File.WriteAllText(windows, $$"""
            {
                "realTest/spiky.csv": [["{{NabTestFiles.WindowTimestamp(Spike - 10)}}", "{{NabTestFiles.WindowTimestamp(Spike + 9)}}"]],
                "realTest/gone.csv": [["2015-07-10 14:25:00", "2015-07-10 15:25:00"]]
            }
            """);

        Assert.Equal(0, Run("--data", Root, "--out", Out, "--windows", windows));

        Assert.Contains("scored: 1 files, 1 windows (W)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("realTest/gone.csv is in", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("artificialTest/quiet.csv is not in", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "x")]
    [InlineData("--data", "x")]
    [InlineData("--data", "x", "--out", "y", "--detectors", "nope")]
    [InlineData("--data", "x", "--out", "y", "--speed", "2")]
    [InlineData("--data")]
    public void Run_BadArguments_Exit2(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.NotEmpty(_error.ToString());
    }
}
