using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cockpit.Alerting;
using Cockpit.Tests.Grafana;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Alerting.Settings;

/// <summary>The README's teams-routes-escalation example is real configuration: Cockpit starts with it and routes by it.</summary>
public sealed partial class ReadmeAlertingExampleTests : IDisposable
{
    private readonly CockpitWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TeamsRoutesAndEscalationExample_StartsCockpitAndBindsEveryRoute()
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(GrafanaFiles.Root)!, "README.md"));
        var block = ExampleBlock().Match(readme);
        Assert.True(block.Success, "README has no ```json block starting with \"Alerting\".");
        using var example = JsonDocument.Parse("{" + block.Groups["json"].Value + "}");
        foreach (var (key, value) in Flatten("Cockpit", example.RootElement))
        {
            _factory.With(key, value);
        }

        _factory.With("Cockpit:Simulator:Enabled", "false");
        using var client = _factory.CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        var options = _factory.Services.GetRequiredService<IOptions<AlertingOptions>>().Value;
        Assert.Equal(["complaints", "business", "network"], options.Routes.Select(r => r.Name));
        Assert.Equal(["前端", "中台", "后端"], options.Routes.Select(r => r.Team));
        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45)], options.Routes[0].Escalation.Select(e => e.After));
        Assert.Equal(5, options.Receivers.Count);
        Assert.Equal(("zh-CN", "en"), (options.LanguageOf("frontline-wecom"), options.LanguageOf("vendor-hook")));
    }

    private static IEnumerable<(string Key, string Value)> Flatten(string prefix, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Flatten(prefix + ":" + p.Name, p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((item, i) => Flatten(prefix + ":" + i, item)),
        _ => [(prefix, element.ToString())],
    };

    [GeneratedRegex("```json\\n(?<json>\"Alerting\": \\{.*?\\n\\})\\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
