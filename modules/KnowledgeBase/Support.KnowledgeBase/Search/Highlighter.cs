using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Support.KnowledgeBase.Search;

/// <summary>
/// Marks the words of a text that a search matched, with the index's rules: words are runs of letters
/// and digits, compared without case or accents, and a search word matches the words it begins. The
/// text is HTML-encoded; only the <c>mark</c> elements are added, so an article can never inject markup.
/// </summary>
internal static partial class Highlighter
{
    private const int ExcerptWords = 24;

    /// <summary>The search words folded as the index folds them.</summary>
    public static IReadOnlyList<string> Prefixes(IEnumerable<string> words) =>
        [.. words.Select(w => Fold(string.Concat(w.Where(char.IsLetterOrDigit)))).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];

    public static string Mark(string text, IReadOnlyList<string> prefixes)
    {
        var html = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (Match token in Token().Matches(text))
        {
            if (!Matches(token.Value, prefixes))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[last..token.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(token.Value)).Append("</mark>");
            last = token.Index + token.Length;
        }

        return html.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }

    /// <summary>About <see cref="ExcerptWords"/> words of the text around its first matched word (its start when none matches), marked.</summary>
    public static string Excerpt(string text, IReadOnlyList<string> prefixes)
    {
        var tokens = Token().Matches(text);
        if (tokens.Count == 0)
        {
            return "";
        }

        var first = 0;
        while (first < tokens.Count && !Matches(tokens[first].Value, prefixes))
        {
            first++;
        }

        var from = first == tokens.Count ? 0 : Math.Max(0, first - (ExcerptWords / 3));
        var to = Math.Min(tokens.Count - 1, from + ExcerptWords - 1);
        var start = tokens[from].Index;
        var end = tokens[to].Index + tokens[to].Length;
        return (from > 0 ? "…" : "") + Mark(text[start..end].ReplaceLineEndings(" "), prefixes) + (to < tokens.Count - 1 ? "…" : "");
    }

    private static bool Matches(string token, IReadOnlyList<string> prefixes)
    {
        var folded = Fold(token);
        foreach (var prefix in prefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Token();
}
