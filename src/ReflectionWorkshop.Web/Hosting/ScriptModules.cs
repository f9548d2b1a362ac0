using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// The import map the layout writes: each script in wwwroot/js by its plain address ("/js/live.js"), to the build's
/// fingerprinted copy, so a phone may keep every module a year (ADR-011). The map only changes with the build's asset
/// manifest, so it is written once per manifest, not on every page.
/// </summary>
public static class ScriptModules
{
    private static readonly ConditionalWeakTable<ResourceAssetCollection, string> Written = [];

    public static string ImportMap(HttpContext context)
    {
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() ?? ResourceAssetCollection.Empty;
        return Written.GetValue(assets, Write);
    }

    private static string Write(ResourceAssetCollection assets)
    {
        var imports = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            var label = asset.Properties?.FirstOrDefault(p => p.Name == "label")?.Value;
            if (label is not null && label.StartsWith("js/", StringComparison.Ordinal) && label.EndsWith(".js", StringComparison.Ordinal) && asset.Url != label)
            {
                imports["/" + label] = "/" + asset.Url;
            }
        }

        return JsonSerializer.Serialize(new { imports });
    }
}
