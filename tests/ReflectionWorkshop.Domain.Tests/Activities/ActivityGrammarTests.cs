using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>
/// The one table of the file's settings (ActivityGrammar), the kinds registry, the list's <c>actions</c>
/// setting, and step references checked by the rules alone (issue 20).
/// </summary>
public sealed class ActivityGrammarTests
{
    private static string File(string steps) => $"""
        ---
        id: sample
        title: Sample
        purpose: Try the grammar.
        ---

        {steps}
        """;

    private static Activity Parse(string text)
    {
        var result = ActivityFileParser.Parse(text);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Activity!;
    }

    [Fact]
    public void Every_kind_has_one_module_and_each_setting_belongs_to_its_kind_under_one_name()
    {
        Assert.Equal(Enum.GetValues<PromptKind>(), PromptKinds.All.Select(k => k.Kind));
        foreach (var kind in PromptKinds.All)
        {
            Assert.All(kind.Settings, s => Assert.Equal(kind.Kind, s.Kind));
        }

        Assert.All(ActivityGrammar.Common, s => Assert.Null(s.Kind));
        var names = ActivityGrammar.All.Select(s => s.Name).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
    }

    [Fact]
    public void A_list_says_it_holds_actions_with_actions_yes_and_the_writer_keeps_it()
    {
        var activity = Parse(File("""
            ## list: What will you try?
            max: 3
            item-label: Next step
            actions: yes
            """));

        Assert.True(activity.Prompts[0].HoldsActions);
        var written = ActivityFileWriter.Write(activity);
        Assert.Contains("item-label: Next step\nactions: yes\n", written);
        Assert.Equal(written, ActivityFileWriter.Write(Parse(written)));
    }

    [Fact]
    public void A_list_without_the_setting_does_not_hold_actions_whatever_its_label_says()
    {
        var activity = Parse(File("""
            ## list: What will you do?
            max: 3
            item-label: Action
            """));

        Assert.False(activity.Prompts[0].HoldsActions);
        Assert.DoesNotContain("actions:", ActivityFileWriter.Write(activity));
    }

    [Theory]
    [InlineData("## list: Name them\nmax: 2\nactions: maybe", "'actions' is 'yes' or 'no', not 'maybe'.")]
    [InlineData("## choice: Pick\noption: A\noption: B\nmultiple: often", "'multiple' is 'yes' or 'no', not 'often'.")]
    [InlineData("## text: Why?\nactions: yes", "Unknown setting 'actions' for this text step (allowed: max-length; any step also takes context-from, context-top, timer, reveal).")]
    public void A_wrong_actions_or_multiple_value_or_actions_on_another_kind_is_refused_at_its_line(string step, string expected)
    {
        var problem = Assert.Single(ActivityFileParser.Parse(File(step)).Problems);

        Assert.StartsWith(expected, problem.Message);
        Assert.Equal(7 + step.Split('\n').Length - 1, problem.Line);
    }

    [Fact]
    public void The_unknown_setting_message_lists_a_lists_own_settings_from_the_table()
    {
        var problem = Assert.Single(ActivityFileParser.Parse(File("## list: Name them\nmax: 2\nlabel: Idea")).Problems);

        Assert.StartsWith("Unknown setting 'label' for this list step (allowed: min, max, item-label, actions; any step also takes", problem.Message);
    }

    [Fact]
    public void Actions_belongs_to_the_first_language_a_translation_inherits_it_and_may_not_change_it()
    {
        const string first = """
            ---
            id: sample
            title: Sample
            purpose: Try the grammar.
            language: en
            ---

            ## list: What will you try?
            max: 3
            item-label: Action
            actions: yes

            ---
            language: es
            title: Ejemplo
            purpose: Probar la gramática.
            ---

            ## list: ¿Qué vas a probar?
            item-label: Acción
            """;

        var activity = Parse(first);
        Assert.True(activity.In("es").Prompts[0].HoldsActions);
        var written = ActivityFileWriter.Write(activity);
        Assert.DoesNotContain("actions", written[written.IndexOf("language: es", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var changed = ActivityFileParser.Parse(first + "\nactions: no\n");
        var problem = Assert.Single(changed.Problems);
        Assert.Equal("File.TranslationSetting", problem.Code);
        Assert.Equal("actions", problem.Args[0]);
    }

    [Fact]
    public void The_shipped_action_lists_say_so_in_their_files()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seed-content", "activities");
        var threeActions = Parse(System.IO.File.ReadAllText(Path.Combine(folder, "three-actions.md")));
        var partnership = Parse(System.IO.File.ReadAllText(Path.Combine(folder, "leadership-partnership.md")));

        Assert.True(threeActions.Prompts[0].HoldsActions);
        Assert.Equal([false, true], partnership.Prompts.Where(p => p.Kind == PromptKind.List).Select(p => p.HoldsActions));
    }

    [Fact]
    public void A_file_with_other_mistakes_still_gets_its_references_checked_by_the_rules_in_line_order()
    {
        var result = ActivityFileParser.Parse(File("""
            ## list: Name them
            min: 5
            max: 2

            ## vote: Which matter?
            themes-from: 3

            ## rating: Trust
            item: Benevolence
            """));

        Assert.Equal([8, 11, 14], result.Problems.Select(p => p.Line));
        var reference = result.Problems[1];
        Assert.Equal(("Rule.SourceNotEarlier", "themes-from"), (reference.Code, reference.Field));
    }

    [Fact]
    public void A_reference_to_a_step_whose_heading_could_not_be_read_is_checked_for_its_place_only()
    {
        var result = ActivityFileParser.Parse(File("""
            ## poll: Which?

            ## vote: Which matter?
            themes-from: 1
            """));

        Assert.Equal(["File.UnknownKind"], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public void The_editor_reads_each_setting_through_the_same_table()
    {
        var values = new Dictionary<string, string?> { ["max"] = "4", ["min"] = "x", ["item-label"] = " Idea ", ["actions"] = "true", ["context-top"] = "2" };
        var typed = new TypedSettings(0, values.GetValueOrDefault);
        var prompt = new Prompt { Kind = PromptKind.List, Title = "Ideas" };
        foreach (var setting in ActivityGrammar.For(PromptKind.List))
        {
            prompt = setting.ReadTyped(prompt, typed);
        }

        Assert.Equal((4, 1, "Idea", true), (prompt.MaxItems, prompt.MinItems, prompt.ItemLabel, prompt.HoldsActions));
        Assert.Equal(Prompt.DefaultContextTop, prompt.ContextTop);
        var unreadable = Assert.Single(typed.Unreadable);
        Assert.Equal(("Editor.NotANumber", 0, "min"), (unreadable.Code, unreadable.Step, unreadable.Field));
    }

    [Fact]
    public void A_step_of_no_known_kind_is_refused_by_the_rules_rather_than_throwing()
    {
        var activity = Parse(File("## text: Why?\n\n## vote: Which?\nthemes-from: 1"));
        var damaged = activity with { Prompts = [activity.Prompts[0] with { Kind = (PromptKind)99 }, activity.Prompts[1]] };

        var problems = ActivityRules.Validate(damaged);

        Assert.Equal([("Rule.UnknownKind", 0), ("Rule.VoteSourceKind", 1)], problems.Select(p => (p.Code, p.Step ?? -1)));
    }
}
