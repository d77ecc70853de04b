using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp;
using Ganss.Xss;

namespace Support.Kernel.Content;

/// <summary>A message body after sanitising: HTML safe to render, and its text for search and plain-text email.</summary>
public sealed record SanitisedText(string Html, string Text)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && !Html.Contains("<img", StringComparison.OrdinalIgnoreCase) && !Html.Contains("<iframe", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Sanitises the rich text customers and agents write (the editor's HTML) with an allow-list: the
/// formatting the editor produces survives; scripts, event handlers, styles, forms and any URL other
/// than http(s), mailto, inline images and the two video players are removed.
/// </summary>
public static partial class RichText
{
    private static readonly string[] VideoPlayers = ["https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Results by input string, for as long as the string lives: a request's validator and its handler
    /// sanitise the same body, and parsing it twice was a measurable part of opening a ticket.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, SanitisedText> Sanitised = [];

    public static SanitisedText Sanitise(string? html) =>
        string.IsNullOrWhiteSpace(html) ? new SanitisedText("", "") : Sanitised.GetValue(html, SanitiseNow);

    /// <summary>
    /// The safe HTML and its text come from one parse: the sanitised document is written out as HTML (as
    /// <see cref="HtmlSanitizer.Sanitize(string, string, AngleSharp.IMarkupFormatter?)"/> does) and walked for
    /// its text. Parsing the safe HTML a second time for the text cost every message opened or answered a parser
    /// of its own and a second document.
    /// </summary>
    private static SanitisedText SanitiseNow(string html)
    {
        using var document = Sanitizer.SanitizeDom(html);
        if (document.Body is not { } body)
        {
            return new SanitisedText("", "");
        }

        var safe = body.ChildNodes.ToHtml(Sanitizer.OutputFormatter).Trim();
        return new SanitisedText(safe, safe.Length == 0 ? "" : TextOf(body));
    }

    /// <summary>Plain text as HTML paragraphs: for messages that arrive as text (email, phone notes).</summary>
    public static string FromPlainText(string text)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            builder.Append("<p>")
                .Append(System.Net.WebUtility.HtmlEncode(paragraph.Trim()).Replace("\n", "<br>", StringComparison.Ordinal))
                .Append("</p>");
        }

        return builder.ToString();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "img", "blockquote", "code", "pre",
                "h2", "h3", "h4", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "div", "span", "iframe", "hr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "class", "colspan", "rowspan", "width", "height", "start", "allowfullscreen",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "data" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedCssClasses = new HashSet<string>(StringComparer.Ordinal)
            {
                "indent-1", "indent-2", "indent-3", "indent-4", "indent-5", "indent-6", "rich-video",
            },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += (_, e) =>
        {
            var url = e.SanitizedUrl ?? e.OriginalUrl;
            var tag = e.Tag.TagName.ToLowerInvariant();
            var allowed = tag switch
            {
                "img" => InlineImage().IsMatch(url) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
                "iframe" => VideoPlayers.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
                "a" => !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (!allowed)
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            switch (element.LocalName)
            {
                case "a":
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                    element.SetAttribute("target", "_blank");
                    break;
                case "iframe" when element.GetAttribute("src") is null:
                    element.Remove();
                    break;
                case "iframe":
                    // A player frame may run its own scripts but never reach this page or navigate it.
                    element.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation");
                    // The players refuse to play without knowing the embedding origin (not the full address).
                    element.SetAttribute("referrerpolicy", "strict-origin-when-cross-origin");
                    element.SetAttribute("loading", "lazy");
                    break;
                case "img" when element.GetAttribute("src") is null:
                    element.Remove();
                    break;
            }
        };
        return sanitizer;
    }

    private static string TextOf(IElement body)
    {
        var builder = new StringBuilder();
        Append(body, builder);
        return MultipleBlankLines().Replace(builder.ToString(), "\n\n").Trim();
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when element.LocalName == "br":
                    builder.Append('\n');
                    break;
                case IElement element when element.LocalName == "img":
                    builder.Append('[').Append(element.GetAttribute("alt") is { Length: > 0 } alt ? alt : "image").Append(']');
                    break;
                case IElement element when element.LocalName == "a":
                    Append(element, builder);
                    if (element.GetAttribute("href") is { } href && href != element.TextContent)
                    {
                        builder.Append(" <").Append(href).Append('>');
                    }

                    break;
                case IElement element:
                    var block = element.LocalName is "p" or "div" or "li" or "tr" or "h2" or "h3" or "h4" or "blockquote" or "pre" or "table" or "ul" or "ol";
                    if (element.LocalName == "li")
                    {
                        builder.Append("- ");
                    }

                    Append(element, builder);
                    if (element.LocalName is "td" or "th")
                    {
                        builder.Append('\t');
                    }

                    if (block)
                    {
                        builder.Append('\n');
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineImage();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();
}
