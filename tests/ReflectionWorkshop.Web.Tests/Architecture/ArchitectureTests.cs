using System.Reflection;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web.Participation;

namespace ReflectionWorkshop.Web.Tests.Architecture;

/// <summary>
/// The rules the layout relies on (docs/architecture.md), checked on the built assemblies so that breaking one
/// fails the build instead of waiting for a reviewer to notice.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Session).Assembly;
    private static readonly Assembly Suggestions = typeof(IThemeSuggester).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Answering).Assembly;

    /// <summary>The framework itself: what a project with no package and no project reference still references.</summary>
    private static bool IsFramework(AssemblyName name) =>
        name.Name is "netstandard" or "mscorlib" || name.Name!.StartsWith("System", StringComparison.Ordinal) || name.Name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    [Fact]
    public void The_domain_references_nothing_but_the_framework()
    {
        var references = Domain.GetReferencedAssemblies().Where(r => !IsFramework(r)).Select(r => r.Name).ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void The_suggester_references_no_other_project_of_ours()
    {
        var ours = Suggestions.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("ReflectionWorkshop", StringComparison.Ordinal)).Select(r => r.Name).ToList();

        Assert.Empty(ours);
    }

    [Fact]
    public void Infrastructure_never_references_the_web_project()
    {
        var names = Infrastructure.GetReferencedAssemblies().Select(r => r.Name).ToList();

        Assert.Contains(Domain.GetName().Name, names);
        Assert.DoesNotContain(Web.GetName().Name, names);
        Assert.DoesNotContain(names, n => n!.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
    }

    /// <summary>
    /// The pages on the answer path and the room's controls bind, call one service and render: the phone's page, the
    /// control page, the projector and the theme board never get the database. Their writes belong to
    /// <c>Answering</c>, <c>Steering</c>, <c>ThemeBoards</c>; their reads to <c>RoomReading</c> and <c>PhoneReading</c>.
    /// </summary>
    [Theory]
    [InlineData("ReflectionWorkshop.Web.Pages.Play.IndexModel")]
    [InlineData("ReflectionWorkshop.Web.Pages.Facilitate.Sessions.RunModel")]
    [InlineData("ReflectionWorkshop.Web.Pages.Facilitate.Sessions.PresentModel")]
    [InlineData("ReflectionWorkshop.Web.Pages.Facilitate.Sessions.ThemesModel")]
    public void The_room_pages_reach_the_database_only_through_a_service(string page)
    {
        var type = Web.GetType(page, throwOnError: true)!;

        var needs = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).ToList();

        Assert.NotEmpty(needs);
        Assert.DoesNotContain(typeof(AppDbContext), needs);
    }

    /// <summary>No page at all opens a write queue itself: answers and joins reach it through a service.</summary>
    [Fact]
    public void No_page_takes_the_write_queue()
    {
        var pages = Web.GetTypes().Where(t => t.Namespace?.StartsWith("ReflectionWorkshop.Web.Pages", StringComparison.Ordinal) == true).ToList();

        var offenders = pages.Where(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(WriteQueue))).Select(t => t.FullName).ToList();

        Assert.NotEmpty(pages);
        Assert.Empty(offenders);
    }
}
