using System.Globalization;
using System.Text;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// Splits a CEL expression into tokens (cel-spec's lexical grammar): identifiers and reserved words,
/// int (decimal or hex), uint (<c>u</c> suffix), double, string and bytes literals (quoted, triple-quoted,
/// raw, with escapes), and operators.
/// </summary>
internal static class CelLexer
{
    private static readonly string[] Operators =
        ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "?", ":", ".", ",", "[", "]", "(", ")", "{", "}", "+", "-", "*", "/", "%"];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, "", null, i));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (StartsStringLiteral(text, i))
            {
                tokens.Add(new CelToken(CelTokenKind.Literal, "", ReadQuoted(text, ref i), start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(new CelToken(CelTokenKind.Literal, "", ReadNumber(text, ref i), start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word switch
                {
                    "true" => new CelToken(CelTokenKind.Literal, word, true, start),
                    "false" => new CelToken(CelTokenKind.Literal, word, false, start),
                    "null" => new CelToken(CelTokenKind.Literal, word, null, start),
                    "in" => new CelToken(CelTokenKind.Operator, word, null, start),
                    _ => new CelToken(CelTokenKind.Identifier, word, null, start),
                });
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new CelCompileException($"Syntax error: token recognition error at: '{c}' (position {i + 1})");
                i += op.Length;
                tokens.Add(new CelToken(CelTokenKind.Operator, op, null, start));
            }
        }
    }

    private static bool IsQuote(string text, int i) => i < text.Length && text[i] is '\'' or '"';

    /// <summary>A quote, or one or two of the prefixes r and b (either case) then a quote.</summary>
    private static bool StartsStringLiteral(string text, int i)
    {
        for (var prefix = 0; prefix <= 2; prefix++)
        {
            if (IsQuote(text, i + prefix))
            {
                return true;
            }

            if (i + prefix >= text.Length || char.ToLowerInvariant(text[i + prefix]) is not ('r' or 'b'))
            {
                return false;
            }
        }

        return false;
    }

    private static object ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            var hex = ulong.Parse(text.AsSpan(start + 2, i - start - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return IntegerLiteral(text, ref i, hex);
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            isDouble = true;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var literal = text[start..i];
        if (isDouble)
        {
            return double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? IntegerLiteral(text, ref i, value)
            : throw new CelCompileException($"invalid int literal: {literal}");
    }

    /// <summary>A uint with a <c>u</c> suffix; otherwise an int, kept as ulong when only negation can make it fit.</summary>
    private static object IntegerLiteral(string text, ref int i, ulong value)
    {
        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return value;
        }

        return value <= long.MaxValue ? (long)value : value == 9223372036854775808UL ? new NegatableInt() : throw new CelCompileException($"invalid int literal: {value}");
    }

    private static object ReadQuoted(string text, ref int i)
    {
        var raw = false;
        var bytes = false;
        while (text[i] is not ('\'' or '"'))
        {
            raw |= text[i] is 'r' or 'R';
            bytes |= text[i] is 'b' or 'B';
            i++;
        }

        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var delimiter = new string(quote, triple ? 3 : 1);
        i += delimiter.Length;
        var builder = new StringBuilder();
        var byteBuilder = new List<byte>();
        while (true)
        {
            if (i >= text.Length || (!triple && text[i] is '\n' or '\r'))
            {
                throw new CelCompileException("Syntax error: unterminated string literal");
            }

            if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) == 0)
            {
                i += delimiter.Length;
                break;
            }

            if (text[i] == '\\' && !raw)
            {
                CelEscapes.Read(text, ref i, builder, byteBuilder, bytes);
            }
            else
            {
                var rune = Rune.GetRuneAt(text, i);
                builder.Append(rune.ToString());
                byteBuilder.AddRange(Encoding.UTF8.GetBytes(rune.ToString()));
                i += rune.Utf16SequenceLength;
            }
        }

        return bytes ? byteBuilder.ToArray() : builder.ToString();
    }
}

/// <summary>The literal 9223372036854775808, which is an int only when negated (<c>-9223372036854775808</c>).</summary>
internal sealed record NegatableInt;
