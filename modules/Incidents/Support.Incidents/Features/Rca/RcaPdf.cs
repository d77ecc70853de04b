using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Support.Incidents.Web;

namespace Support.Incidents.Features.Rca;

/// <summary>Writes the RCA report as a PDF (PDFsharp, with the DejaVu Sans font embedded in the module so that it renders the same on any machine).</summary>
internal static class RcaPdf
{
    public const string ContentType = "application/pdf";

    /// <summary>The report in the language of <paramref name="culture"/>.</summary>
    public static byte[] Render(RcaReport report, IStringLocalizer t, CultureInfo culture, DateTime generatedAtUtc)
    {
        // The texts come from the localizer, which reads the current UI culture.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            GlobalFontSettings.FontResolver = RcaFontResolver.Instance;
            using var document = new PdfDocument();
            document.Info.Title = $"{t["RCA report"]} {report.Reference} · {report.Title}";
            document.Info.Subject = t["Root cause analysis"];
            var writer = new PageWriter(document, $"{t["RCA report"]} {report.Reference}", t);
            Write(writer, report, t, culture, generatedAtUtc);
            writer.Finish();
            using var stream = new MemoryStream();
            document.Save(stream, closeStream: false);
            return stream.ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static void Write(PageWriter w, RcaReport report, IStringLocalizer t, CultureInfo culture, DateTime generatedAtUtc)
    {
        w.Text(t["Root cause analysis (RCA) report"], w.Small, XBrushes.DimGray);
        w.Text($"{report.Reference} · {report.Title}", w.Title);
        w.Text(t["Generated on {0}", RcaText.When(generatedAtUtc, culture)], w.Small, XBrushes.DimGray);
        w.Space(8);

        w.Heading(t["Summary"]);
        w.Text(report.Summary);
        w.Heading(t["Impact"]);
        w.Text(report.Impact.Length > 0 ? report.Impact : "—");
        w.Field(t["Severity"], t.Severity(report.Severity));
        w.Field(t["Affected services"], string.Join(", ", report.Services));
        w.Field(t["Impacted customers"], t["{0} company(ies)", report.ImpactedCompanies]);

        w.Heading(t["Impacted period"]);
        w.Field(t["Start"], RcaText.When(report.StartedAtUtc, culture));
        w.Field(t["End"], report.ResolvedAtUtc is { } end ? RcaText.When(end, culture) : "—");
        w.Field(t["Duration"], report.Duration is { } duration ? RcaText.Duration(duration, t) : "—");
        if (report.ImpactDeterminedAtUtc is { } determined && report.FirstNotifiedAtUtc is { } notified)
        {
            w.Field(t["Customers notified"], t["{0} ({1} after the impact was determined)", RcaText.When(notified, culture), RcaText.Duration(notified - determined, t)]);
        }

        w.Heading(t["Timeline"]);
        foreach (var entry in report.Timeline)
        {
            w.Item(RcaText.When(entry.AtUtc, culture), t.RcaTimeline(entry));
        }

        w.Heading(t["Root causes"]);
        w.Text(report.RootCauses);
        w.Heading(t["Contributing factors"]);
        w.Text(report.ContributingFactors.Length > 0 ? report.ContributingFactors : "—");

        w.Heading(t["Corrective and preventive actions"]);
        if (report.Actions.Count == 0)
        {
            w.Text("—");
        }

        foreach (var action in report.Actions)
        {
            w.Item("•", action.Title, w.Bold);
            w.Item("", $"{t["Owner: {0}", action.OwnerName]} · {t["Due date: {0}", action.DueOn.ToString("d", culture)]} · {t["State: {0}", action.DoneAtUtc is null ? t["To do"] : t["Done"]]}", w.Small);
        }
    }

    /// <summary>Lays text out on A4 pages, top to bottom, wrapping words and turning pages.</summary>
    private sealed class PageWriter
    {
        private const double Margin = 56;
        private const double Gutter = 110;
        private readonly PdfDocument _document;
        private readonly string _footer;
        private readonly IStringLocalizer _t;
        private PdfPage _page = null!;
        private XGraphics _graphics = null!;
        private double _y;
        private int _pages;

        public PageWriter(PdfDocument document, string footer, IStringLocalizer t)
        {
            _document = document;
            _footer = footer;
            _t = t;
            NewPage();
        }

        public XFont Title { get; } = new(RcaFontResolver.Family, 17, XFontStyleEx.Bold);

        public XFont HeadingFont { get; } = new(RcaFontResolver.Family, 12.5, XFontStyleEx.Bold);

        public XFont Body { get; } = new(RcaFontResolver.Family, 10);

        public XFont Bold { get; } = new(RcaFontResolver.Family, 10, XFontStyleEx.Bold);

        public XFont Small { get; } = new(RcaFontResolver.Family, 8.5);

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin - 20;

        public void Heading(string text)
        {
            Space(10);
            if (_y + (3 * HeadingFont.GetHeight()) > Bottom)
            {
                NewPage();
            }

            Text(text, HeadingFont);
            _graphics.DrawLine(new XPen(XColors.LightGray, 0.6), Margin, _y, Margin + Width, _y);
            Space(4);
        }

        public void Text(string text, XFont? font = null, XBrush? brush = null) => Lines(text, font ?? Body, brush ?? XBrushes.Black, Margin, Width);

        /// <summary>A label and its value side by side.</summary>
        public void Field(string label, string value)
        {
            var top = _y;
            var page = _pages;
            Lines(label, Bold, XBrushes.Black, Margin, Gutter - 8);
            var labelEnd = _y;
            if (page == _pages)
            {
                _y = top;
            }

            Lines(value, Body, XBrushes.Black, Margin + Gutter, Width - Gutter);
            _y = Math.Max(_y, page == _pages ? labelEnd : _y);
        }

        /// <summary>A hanging line: a short mark (a time, a bullet) then the text.</summary>
        public void Item(string mark, string text, XFont? font = null)
        {
            var indent = mark.Length > 3 ? Gutter : 14;
            var height = Body.GetHeight();
            if (_y + height > Bottom)
            {
                NewPage();
            }

            if (mark.Length > 0)
            {
                _graphics.DrawString(mark, Small, XBrushes.DimGray, new XRect(Margin, _y + 1, indent, height), XStringFormats.TopLeft);
            }

            Lines(text, font ?? Body, XBrushes.Black, Margin + indent, Width - indent);
            Space(2);
        }

        public void Space(double points) => _y += points;

        public void Finish() => _graphics.Dispose();

        private void Lines(string text, XFont font, XBrush brush, double left, double width)
        {
            var height = font.GetHeight() * 1.15;
            foreach (var line in Wrap(text, font, width))
            {
                if (_y + height > Bottom)
                {
                    NewPage();
                }

                _graphics.DrawString(line, font, brush, new XRect(left, _y, width, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (_graphics.MeasureString(candidate, font).Width <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        yield return line;
                    }

                    line = word;
                    // A word wider than the column (a long address or path) is cut where it overflows.
                    while (_graphics.MeasureString(line, font).Width > width && line.Length > 1)
                    {
                        var fits = line.Length - 1;
                        while (fits > 1 && _graphics.MeasureString(line[..fits], font).Width > width)
                        {
                            fits--;
                        }

                        yield return line[..fits];
                        line = line[fits..];
                    }
                }

                yield return line;
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _pages++;
            _y = Margin;
            _graphics.DrawString($"{_footer} · {_t["Page {0}", _pages]}", Small, XBrushes.DimGray, new XRect(Margin, _page.Height.Point - Margin, Width, 12), XStringFormats.TopLeft);
        }
    }
}

/// <summary>Gives PDFsharp the DejaVu Sans font embedded in the module: PDFsharp reads no system font on Linux.</summary>
internal sealed class RcaFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    /// <summary>The one instance: PDFsharp's resolver is process-wide and may only be set again to the same instance.</summary>
    public static readonly RcaFontResolver Instance = new();

    private const string Regular = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private RcaFontResolver()
    {
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(RcaFontResolver).Assembly.GetManifestResourceStream($"Support.Incidents.Rca.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the module.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>How the report writes instants and durations, on the page and in the PDF alike.</summary>
internal static class RcaText
{
    /// <summary>An instant in UTC, said so: the report is read by customers in other time zones.</summary>
    public static string When(DateTime utc, CultureInfo culture) => utc.ToString("g", culture) + " UTC";

    public static string Duration(TimeSpan duration, IStringLocalizer t)
    {
        var minutes = (int)Math.Round(Math.Max(0, duration.TotalMinutes));
        return minutes >= 60 ? t["{0} h {1} min", minutes / 60, minutes % 60] : t["{0} min", minutes];
    }
}
