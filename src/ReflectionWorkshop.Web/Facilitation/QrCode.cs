using System.Globalization;
using System.Text;
using QRCoder;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// The join link as an inline SVG QR code. Drawn from QRCoder's module matrix as one path so it needs
/// no inline style (our content security policy forbids those) and stays sharp at projector size.
/// </summary>
public static class QrCode
{
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var escaped = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{escaped}\" shape-rendering=\"crispEdges\" class=\"qr\">" +
               $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
