using System.Globalization;
using System.Text;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>Escape sequences of CEL string and bytes literals: <c>\n \t \\ \' \" \xHH \uHHHH \UHHHHHHHH \ooo</c> and friends.</summary>
internal static class CelEscapes
{
    public static void Read(string text, ref int i, StringBuilder characters, List<byte> bytes, bool isBytes)
    {
        if (i + 1 >= text.Length)
        {
            throw new CelCompileException("Syntax error: unterminated escape sequence");
        }

        var e = text[i + 1];
        i += 2;
        char? simple = e switch
        {
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            '`' => '`',
            '?' => '?',
            _ => null,
        };
        if (simple is { } c)
        {
            characters.Append(c);
            bytes.Add((byte)c);
            return;
        }

        var (digits, radix) = e switch
        {
            'x' or 'X' => (2, 16),
            'u' when !isBytes => (4, 16),
            'U' when !isBytes => (8, 16),
            >= '0' and <= '3' => (3, 8),
            _ => throw new CelCompileException($"Syntax error: invalid escape sequence \\{e}"),
        };
        var start = radix == 8 ? i - 1 : i;
        if (start + digits > text.Length)
        {
            throw new CelCompileException("Syntax error: truncated escape sequence");
        }

        var code = radix == 16
            ? int.Parse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : Convert.ToInt32(text.Substring(start, digits), 8);
        i = start + digits;
        if (isBytes)
        {
            bytes.Add((byte)code);
            return;
        }

        if (code is >= 0xD800 and <= 0xDFFF || code > 0x10FFFF)
        {
            throw new CelCompileException("Syntax error: invalid unicode code point");
        }

        characters.Append(char.ConvertFromUtf32(code));
    }
}
