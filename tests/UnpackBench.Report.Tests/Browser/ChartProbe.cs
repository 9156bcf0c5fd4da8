using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace UnpackBench.Report.Tests.Browser;

/// <summary>What a chart looks like in the browser: its size, its drawn data marks, its accessible name and its data table.</summary>
internal sealed record ChartProbe
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("width")] public double Width { get; init; }
    [JsonPropertyName("height")] public double Height { get; init; }
    [JsonPropertyName("marks")] public int Marks { get; init; }
    [JsonPropertyName("points")] public int Points { get; init; }
    [JsonPropertyName("rows")] public int Rows { get; init; }
    [JsonPropertyName("role")] public string? Role { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("texts")] public string Texts { get; init; } = "";

    // Data marks are what ScottPlot draws inside the clipped data area; axes, ticks and grid are outside it.
    private const string Script = """
        () => [...document.querySelectorAll('figure.chart')].map(f => {
          const svg = f.querySelector('svg');
          const box = svg.getBoundingClientRect();
          const name = (svg.getAttribute('aria-labelledby') || '').split(' ')
            .map(id => document.getElementById(id)?.textContent ?? '').join(' ').trim();
          return {
            id: f.id, width: box.width, height: box.height,
            marks: svg.querySelectorAll('g[clip-path] rect, g[clip-path] path, g[clip-path] circle, g[clip-path] ellipse, g[clip-path] polyline').length,
            points: Number(f.dataset.points), rows: f.querySelectorAll('details tbody tr').length,
            role: svg.getAttribute('role'), name,
            texts: [...svg.querySelectorAll('text')].map(t => t.textContent).join('|'),
          };
        })
        """;

    public static async Task<IReadOnlyList<ChartProbe>> AllAsync(IPage page) =>
        await page.EvaluateAsync<ChartProbe[]>(Script) ?? [];
}
