using Bunit;
using Cockpit.Web.Components.Controls.Explore;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Explore;

public sealed class TagValuePickerTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private readonly List<IReadOnlyList<string>> _changes = [];

    public TagValuePickerTests() => Services.AddLocalization(o => o.ResourcesPath = "Resources");

    private IRenderedComponent<TagValuePicker> Picker(IReadOnlyList<string> selected) =>
        Render<TagValuePicker>(p => p
            .Add(c => c.TagKey, "channel")
            .Add(c => c.Label, "channel")
            .Add(c => c.Values, ["hotline", "app", Evil])
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, values => _changes.Add(values)));

    [Fact]
    public void Render_NothingPicked_SaysAll()
    {
        var picker = Picker([]);

        Assert.Equal("all", picker.Find(".tag-selection").TextContent);
        Assert.Empty(picker.FindAll("input:checked"));
        Assert.Empty(picker.FindAll(".tag-clear"));
    }

    [Fact]
    public void Toggle_Value_NewSelectionInListOrder()
    {
        var picker = Picker(["app"]);

        picker.Find("input[value=hotline]").Change(true);

        Assert.Equal(["hotline", "app"], Assert.Single(_changes));
    }

    [Fact]
    public void Toggle_PickedValue_RemovesIt_UnlistedPickedValueStays()
    {
        var picker = Picker(["app", "gone"]);

        picker.Find("input[value=app]").Change(false);

        Assert.Equal(["gone"], Assert.Single(_changes));
    }

    [Fact]
    public void Clear_EmptySelection()
    {
        var picker = Picker(["app"]);

        picker.Find(".tag-clear").Click();

        Assert.Empty(Assert.Single(_changes));
    }

    [Fact]
    public void Render_MarkupValue_IsText()
    {
        var picker = Picker([Evil]);

        Assert.Empty(picker.FindAll("img"));
        Assert.Equal(Evil, picker.Find(".tag-selection").TextContent);
        Assert.Contains(Evil, picker.FindAll(".tag-value span").Select(s => s.TextContent));
    }
}
