using System.Globalization;
using System.Xml.Linq;

namespace UnpackBench.Report.Charts;

/// <summary>
/// Makes a plotted SVG fit for inline use: no XML declaration, scalable (a viewBox, width by CSS),
/// accessible (role img, a title and a description the screen reader announces), and readable
/// where the plotting font is missing: the library places every glyph at a position measured in
/// that font, so each text keeps only its start and the browser flows the glyphs in whatever
/// font it falls back to.
/// </summary>
public static class SvgEmbedding
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Returns <paramref name="svg"/> ready to embed in a page under <paramref name="id"/>.</summary>
    public static string Embed(string svg, string id, string title, string description)
    {
        var root = XDocument.Parse(svg).Root ?? throw new InvalidOperationException("the plot rendered no SVG");
        var width = double.Parse(root.Attribute("width")?.Value ?? "800", CultureInfo.InvariantCulture);
        var height = double.Parse(root.Attribute("height")?.Value ?? "400", CultureInfo.InvariantCulture);
        root.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", $"{id}-svg-title {id}-svg-desc");
        root.SetAttributeValue("preserveAspectRatio", "xMidYMid meet");
        foreach (var text in root.Descendants(Svg + "text"))
        {
            KeepFirst(text, "x");
            KeepFirst(text, "y");
            text.SetAttributeValue("font-family", $"{ChartFont.Family}, Verdana, sans-serif");
            text.Value = text.Value.Trim();
        }

        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", $"{id}-svg-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-svg-desc"), description));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static void KeepFirst(XElement text, string name)
    {
        if (text.Attribute(name)?.Value is { } positions)
        {
            text.SetAttributeValue(name, positions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "0");
        }
    }
}
