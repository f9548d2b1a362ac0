using System.Text;
using System.Text.Json.Nodes;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Tests.Reports;

/// <summary>
/// Whether a list holds actions is the list's own setting (<c>actions: yes</c>), not the word on its fields:
/// a label in another language changes nothing (issue 20). Snapshots and archives made before the setting read as "no".
/// </summary>
public sealed class ActionListsTests
{
    private static Prompt List(string settings)
    {
        var result = ActivityFileParser.Parse($"""
            ---
            id: actions
            title: Actions
            purpose: Which lists hold actions.
            ---

            ## list: What will you do?
            max: 3
            {settings}
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Activity!.Prompts[0];
    }

    [Theory]
    [InlineData("item-label: Action", false)]
    [InlineData("item-label: Acción", false)]
    [InlineData("item-label: Actions to take", false)]
    [InlineData("item-label: Next steps\nactions: yes", true)]
    [InlineData("actions: yes", true)]
    [InlineData("item-label: Action\nactions: no", false)]
    public void A_list_holds_actions_when_its_file_says_so_not_when_its_label_does(string settings, bool actions) =>
        Assert.Equal(actions, SummaryMarkdown.IsActions(List(settings)));

    [Fact]
    public void The_summary_lists_every_action_of_a_list_that_holds_actions()
    {
        var report = FixedSession.Build();
        Assert.True(report.Session.Activity.Prompts[1].HoldsActions);

        Assert.Contains("### Every action committed to", SummaryMarkdown.Document(report));
    }

    [Fact]
    public void A_snapshot_keeps_the_setting_and_one_stored_before_it_reads_as_no()
    {
        var activity = FixedSession.Build().Session.Activity;
        var json = ActivityJson.Serialize(activity);
        Assert.Contains("\"holdsActions\":true", json);
        Assert.True(ActivityJson.Deserialize(json).Prompts[1].HoldsActions);

        var before = JsonNode.Parse(json)!.AsObject();
        foreach (var prompt in before["prompts"]!.AsArray())
        {
            prompt!.AsObject().Remove("holdsActions");
        }

        var old = ActivityJson.Deserialize(before.ToJsonString());
        Assert.Equal("Action", old.Prompts[1].ItemLabel);
        Assert.False(old.Prompts[1].HoldsActions);
    }

    [Fact]
    public void An_archive_carries_the_setting_and_one_made_before_it_imports_as_no()
    {
        var json = Encoding.UTF8.GetString(SessionArchive.From(FixedSession.Build()).ToJson());
        using (var current = new MemoryStream(Encoding.UTF8.GetBytes(json)))
        {
            Assert.True(SessionArchive.Read(current).Activity.Prompts[1].HoldsActions);
        }

        var before = JsonNode.Parse(json)!.AsObject();
        var prompts = before["activity"]!["prompts"]!.AsArray();
        Assert.All(prompts, p => Assert.True(p!.AsObject().Remove("holdsActions")));
        using var old = new MemoryStream(Encoding.UTF8.GetBytes(before.ToJsonString()));

        Assert.False(SessionArchive.Read(old).Activity.Prompts[1].HoldsActions);
    }
}
