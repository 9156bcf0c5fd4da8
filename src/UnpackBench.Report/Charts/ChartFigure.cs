using UnpackBench.Report.Html;

namespace UnpackBench.Report.Charts;

/// <summary>
/// A rendered chart with everything a reader without sight of it needs: a title, a one-sentence
/// description (the SVG's accessible name and description point at both) and the data as a table.
/// </summary>
/// <param name="Id">A page-unique id, also the figure's anchor.</param>
/// <param name="Title">The chart's title, as on the chart.</param>
/// <param name="Description">What the chart shows, in a sentence, with the key figure.</param>
/// <param name="Svg">The chart as inline SVG (see <see cref="SvgEmbedding"/>).</param>
/// <param name="Data">The data behind the chart.</param>
public sealed record ChartFigure(string Id, string Title, string Description, string Svg, ChartData Data)
{
    /// <summary>The figure as HTML.</summary>
    public string ToHtml() =>
        $"<figure class=\"chart\" id=\"{Markup.Encode(Id)}\" data-points=\"{Data.Rows.Count}\">" +
        $"<figcaption class=\"visually-hidden\" id=\"{Markup.Encode(Id)}-caption\">{Markup.Encode(Title)}</figcaption>" +
        $"<div class=\"plot\">{Svg}</div>" +
        $"<p class=\"chart-description\" id=\"{Markup.Encode(Id)}-description\">{Markup.Encode(Description)}</p>" +
        $"<details><summary>The data of this chart as a table</summary>{Markup.Table(Title, Data.Headers, Data.Rows)}</details>" +
        "</figure>";
}
