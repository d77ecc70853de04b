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
        foreach (var token in Token().EnumerateMatches(text))
        {
            if (!Matches(text.AsSpan(token.Index, token.Length), prefixes))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[last..token.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(token.Index, token.Length))).Append("</mark>");
            last = token.Index + token.Length;
        }

        return html.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }

    /// <summary>About <see cref="ExcerptWords"/> words of the text around its first matched word (its start when none matches), marked.</summary>
    public static string Excerpt(string text, IReadOnlyList<string> prefixes)
    {
        // The words are read up to the end of the excerpt only: a body can be long.
        var tokens = new List<(int Index, int Length)>();
        var first = -1;
        var more = false;
        foreach (var token in Token().EnumerateMatches(text))
        {
            if (first >= 0 && tokens.Count >= ExcerptStart(first) + ExcerptWords)
            {
                more = true;
                break;
            }

            tokens.Add((token.Index, token.Length));
            if (first < 0 && Matches(text.AsSpan(token.Index, token.Length), prefixes))
            {
                first = tokens.Count - 1;
            }
        }

        if (tokens.Count == 0)
        {
            return "";
        }

        var from = first < 0 ? 0 : ExcerptStart(first);
        var to = Math.Min(tokens.Count - 1, from + ExcerptWords - 1);
        var start = tokens[from].Index;
        var end = tokens[to].Index + tokens[to].Length;
        return (from > 0 ? "…" : "") + Mark(text[start..end].ReplaceLineEndings(" "), prefixes) + (more || to < tokens.Count - 1 ? "…" : "");
    }

    private static int ExcerptStart(int firstMatch) => Math.Max(0, firstMatch - (ExcerptWords / 3));

    private static bool Matches(ReadOnlySpan<char> token, IReadOnlyList<string> prefixes)
    {
        // Most words are ASCII: folding them is ignoring their case, with no string made.
        var ascii = Ascii.IsValid(token);
        var folded = ascii ? token : Fold(token.ToString()).AsSpan();
        foreach (var prefix in prefixes)
        {
            if (folded.StartsWith(prefix, ascii ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case without accents, as the index's tokenizer folds words.</summary>
    public static string Fold(string text)
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
