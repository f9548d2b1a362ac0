using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ReflectionWorkshop.Web.Hosting;

namespace ReflectionWorkshop.Web.Tests.Security;

public sealed class BoundedTempDataTests
{
    private sealed class Kept : ITempDataProvider
    {
        public IDictionary<string, object> Saved { get; private set; } = new Dictionary<string, object>();

        public IDictionary<string, object> LoadTempData(HttpContext context) => Saved;

        public void SaveTempData(HttpContext context, IDictionary<string, object> values) => Saved = values;
    }

    [Fact]
    public void No_text_of_unbounded_size_reaches_the_tempdata_cookie()
    {
        var inner = new Kept();
        var bounded = new BoundedTempData(inner);

        bounded.SaveTempData(new DefaultHttpContext(), new Dictionary<string, object> { ["Imported"] = new string('x', 100_000), ["Short"] = "Saved.", ["Count"] = 3 });

        Assert.Equal(BoundedTempData.MaxLength, ((string)inner.Saved["Imported"]).Length);
        Assert.EndsWith("…", (string)inner.Saved["Imported"], StringComparison.Ordinal);
        Assert.Equal("Saved.", inner.Saved["Short"]);
        Assert.Equal(3, inner.Saved["Count"]);
    }

    [Fact]
    public async Task The_app_saves_its_tempdata_through_the_bound()
    {
        using var app = new Support.WorkshopFactory();

        Assert.IsType<BoundedTempData>(app.Services.GetService(typeof(ITempDataProvider)));
        await Task.CompletedTask;
    }
}
