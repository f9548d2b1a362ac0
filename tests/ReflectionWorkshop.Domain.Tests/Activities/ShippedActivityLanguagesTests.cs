using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>Every shipped activity speaks English and Spanish, and both run the very same steps (issue #6).</summary>
public sealed class ShippedActivityLanguagesTests
{
    public static TheoryData<string> ShippedFiles() => ActivityFileWriterTests.ShippedFiles();

    private static Activity Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seed-content", "activities", fileName);
        var result = ActivityFileParser.Parse(File.ReadAllText(path));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Activity!;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_activity_is_in_english_first_and_in_spanish(string fileName)
    {
        var activity = Read(fileName);

        Assert.Equal(["en", "es"], activity.Languages);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void The_spanish_version_has_the_same_structure_and_all_its_own_words(string fileName)
    {
        var english = Read(fileName);
        var spanish = english.In("es");

        static object Structure(Prompt p) => (p.Kind, p.MinItems, p.MaxItems, p.MaxLength, p.Scale.Count, p.Items.Count, p.Options.Count,
            p.Multiple, p.AnonymityFloor, p.ThemesFrom, p.Dots, p.ContextFrom, p.ContextTop);
        Assert.Equal(english.Prompts.Select(Structure), spanish.Prompts.Select(Structure));
        Assert.Equal((english.Id, english.Minutes), (spanish.Id, spanish.Minutes));

        // Written, not copied: no title, label or body of a step is left in English.
        Assert.NotEqual(english.Title, spanish.Title);
        Assert.NotEqual(english.Purpose, spanish.Purpose);
        foreach (var (en, es) in english.Prompts.Zip(spanish.Prompts))
        {
            Assert.NotEqual(en.Title, es.Title);
            Assert.Equal(en.Body.Length > 0, es.Body.Length > 0);
            if (en.Body.Length > 0)
            {
                Assert.NotEqual(en.Body, es.Body);
            }

            Assert.Equal(en.Kind == PromptKind.List, es.ItemLabel != "Item");
            Assert.True(en.Kind != PromptKind.Compare || (en.LeftLabel != es.LeftLabel && en.RightLabel != es.RightLabel));
            Assert.All(en.Options.Zip(es.Options), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.All(en.Items.Zip(es.Items), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.All(en.Scale.Zip(es.Scale), pair => Assert.NotEqual(pair.First, pair.Second));
        }
    }
}
