using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities;

/// <summary>The authoring pages speak English and Spanish, and every activity problem has a message in both.</summary>
public sealed partial class AuthoringResourcesTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ReflectionWorkshop.Web", "Resources"));

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [Fact]
    public void Every_english_string_has_a_spanish_one_with_no_other_placeholders()
    {
        var english = Read("AuthoringText.resx");
        var spanish = Read("AuthoringText.es.resx");

        Assert.Equal(english.Keys.Order(), spanish.Keys.Order());
        Assert.All(english, e => Assert.Subset(Placeholders(e.Value), Placeholders(spanish[e.Key])));
        Assert.All(spanish, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), s.Key));
    }

    [Fact]
    public void Every_activity_problem_reads_in_english_exactly_as_the_domain_writes_it()
    {
        var english = Read("AuthoringText.resx");

        Assert.All(ActivityMessages.English, m => Assert.Equal(m.Value, english.GetValueOrDefault(m.Key)));
        Assert.Contains("Editor.NotANumber", english.Keys);
    }

    [Fact]
    public void The_editor_reads_spanish_when_the_culture_is_spanish()
    {
        using var app = new WorkshopFactory();
        var localizer = app.Services.GetRequiredService<IStringLocalizer<AuthoringText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es");
            Assert.Equal("Guardar", localizer["Editor.Save"].Value);
            Assert.Equal("Añade al menos un paso.", localizer["Rule.NoSteps"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Save", localizer["Editor.Save"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
