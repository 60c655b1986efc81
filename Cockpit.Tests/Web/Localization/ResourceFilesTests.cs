using System.Xml.Linq;
using Cockpit.Tests.Grafana;

namespace Cockpit.Tests.Web.Localization;

/// <summary>
/// Every UI text exists in English and Simplified Chinese: each neutral .resx under Cockpit.Web/Resources has a
/// .zh-CN.resx with the same keys, no value is empty, and each file sits where the localizer of its component looks.
/// </summary>
public sealed class ResourceFilesTests
{
    private static readonly string Resources = Path.Combine(Path.GetDirectoryName(GrafanaFiles.Root)!, "Cockpit.Web", "Resources");

    public static TheoryData<string> NeutralFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Resources, "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".zh-CN.resx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Resources, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void NeutralResource_HasAChineseTwinWithTheSameKeysAndNoEmptyValues(string relative)
    {
        var english = Entries(Path.Combine(Resources, relative));
        var chineseFile = Path.Combine(Resources, Path.ChangeExtension(relative, null) + ".zh-CN.resx");
        Assert.True(File.Exists(chineseFile), $"{relative} has no zh-CN twin.");
        var chinese = Entries(chineseFile);

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        Assert.All(english.Concat(chinese), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{relative}: '{e.Key}' is empty."));
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void NeutralResource_SitsWhereItsComponentsLocalizerLooks(string relative)
    {
        var typeName = "Cockpit.Web." + Path.ChangeExtension(relative, null).Replace(Path.DirectorySeparatorChar, '.');

        Assert.NotNull(typeof(Program).Assembly.GetType(typeName));
    }

    [Fact]
    public void EveryChineseResource_HasANeutralOne() =>
        Assert.All(
            Directory.EnumerateFiles(Resources, "*.zh-CN.resx", SearchOption.AllDirectories),
            f => Assert.True(File.Exists(f.Replace(".zh-CN.resx", ".resx", StringComparison.Ordinal)), $"{f} has no neutral (English) resource."));

    private static Dictionary<string, string> Entries(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
}
