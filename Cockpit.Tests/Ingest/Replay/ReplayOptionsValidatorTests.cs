using Cockpit.Ingest.Replay;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class ReplayOptionsValidatorTests
{
    private static readonly ReplayOptionsValidator Validator = new();

    [Fact]
    public void Validate_Disabled_SucceedsWhateverTheFiles()
    {
        var options = new ReplayOptions { Enabled = false, Files = [new ReplayFileOptions { Format = ReplayFormat.Csv }] };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithoutFiles_FailsNamingFiles()
    {
        var result = Validator.Validate(null, new ReplayOptions { Enabled = true });

        Assert.Contains("Cockpit:Replay:Files is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileWithoutPathAndCsvWithoutMeasurement_FailsNamingEachKey()
    {
        var options = new ReplayOptions
        {
            Enabled = true,
            Files =
            [
                new ReplayFileOptions { Path = "" },
                new ReplayFileOptions { Path = "a.csv", Format = ReplayFormat.Csv, Csv = new CsvMappingOptions() },
            ],
        };

        var result = Validator.Validate(null, options);

        Assert.Contains("Cockpit:Replay:Files:0:Path is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Cockpit:Replay:Files:1:Csv:Measurement is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LineBreakInTagValue_Fails()
    {
        var csv = new CsvMappingOptions { Measurement = "nab", Tags = { ["file"] = "a\nb" } };
        var options = new ReplayOptions { Enabled = true, Files = [new ReplayFileOptions { Path = "a.csv", Format = ReplayFormat.Csv, Csv = csv }] };

        Assert.Contains("line breaks", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CsvAndLineProtocolFiles_Succeeds()
    {
        var options = new ReplayOptions
        {
            Enabled = true,
            Files =
            [
                new ReplayFileOptions { Path = "a.lp" },
                new ReplayFileOptions { Path = "b.csv", Format = ReplayFormat.Csv, Csv = new CsvMappingOptions { Measurement = "nab" } },
            ],
        };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }
}
