using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace UnpackBench.Report.Html;

/// <summary>Small, safe HTML building blocks: every text goes through the encoder.</summary>
public static class Markup
{
    // Markup characters are escaped; other characters (×, –, µ) stay readable, the page being UTF-8.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes <paramref name="text"/> for an element's content or an attribute value.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A table with a caption, a header row and text cells; numeric-looking cells align right by CSS class.</summary>
    public static string Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        var html = new StringBuilder();
        html.Append(cssClass is null ? "<table>" : $"<table class=\"{Encode(cssClass)}\">");
        html.Append($"<caption>{Encode(caption)}</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append($"<th scope=\"col\">{Encode(header)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append($"<td>{Encode(cell)}</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A two-column table of name/value pairs, names as row headers.</summary>
    public static string Facts(string caption, IEnumerable<(string Name, string Value)> facts)
    {
        var html = new StringBuilder($"<table class=\"facts\"><caption>{Encode(caption)}</caption><tbody>");
        foreach (var (name, value) in facts)
        {
            html.Append($"<tr><th scope=\"row\">{Encode(name)}</th><td>{Encode(value)}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A section with an id, a heading and its content (already HTML).</summary>
    public static string Section(string id, string heading, string content) =>
        $"<section id=\"{Encode(id)}\" aria-labelledby=\"{Encode(id)}-heading\"><h2 id=\"{Encode(id)}-heading\">{Encode(heading)}</h2>{content}</section>";

    /// <summary>A paragraph of text.</summary>
    public static string Paragraph(string text, string? cssClass = null) =>
        cssClass is null ? $"<p>{Encode(text)}</p>" : $"<p class=\"{Encode(cssClass)}\">{Encode(text)}</p>";
}
