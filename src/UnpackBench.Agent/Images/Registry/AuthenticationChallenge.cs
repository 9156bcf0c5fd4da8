namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// One challenge from a <c>WWW-Authenticate</c> header (RFC 7235), such as
/// <c>Bearer realm="http://127.0.0.1:5001/token",service="registry",scope="repository:app:pull"</c>.
/// Scheme and parameter names compare case-insensitively; values keep their case.
/// </summary>
internal sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The value of parameter <paramref name="name"/>, or null when the challenge has none.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether this challenge uses <paramref name="scheme"/> (compared case-insensitively).</summary>
    public bool IsScheme(string scheme) => string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The challenge to answer among all those in <paramref name="headerValues"/>: Bearer if offered
    /// (it scopes access to one repository), else Basic, else the first; null when there is none.
    /// </summary>
    public static AuthenticationChallenge? SelectPreferred(IEnumerable<string> headerValues)
    {
        var challenges = headerValues.SelectMany(ParseAll).ToList();
        return challenges.FirstOrDefault(c => c.IsScheme("Bearer"))
            ?? challenges.FirstOrDefault(c => c.IsScheme("Basic"))
            ?? challenges.FirstOrDefault();
    }

    /// <summary>
    /// Parses every challenge in one header value. Several may share a value, separated by commas
    /// (<c>Basic realm="a", Bearer realm="b"</c>); commas inside quoted strings belong to the value.
    /// Malformed trailing text is ignored rather than failing the whole header.
    /// </summary>
    public static IReadOnlyList<AuthenticationChallenge> ParseAll(string headerValue)
    {
        var challenges = new List<AuthenticationChallenge>();
        var cursor = new HeaderCursor(headerValue);
        while (true)
        {
            cursor.SkipSeparators();
            var scheme = cursor.ReadToken();
            if (scheme.Length == 0)
            {
                return challenges;
            }

            challenges.Add(new AuthenticationChallenge(scheme, ReadParameters(ref cursor)));
        }
    }

    private static Dictionary<string, string> ReadParameters(ref HeaderCursor cursor)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var start = cursor.Position;
            cursor.SkipSeparators();
            var name = cursor.ReadToken();
            cursor.SkipWhitespace();
            if (name.Length == 0 || !cursor.TryConsume('='))
            {
                // Not "name=": the token is the next challenge's scheme (or junk); leave it for the caller.
                cursor.Position = start;
                return parameters;
            }

            cursor.SkipWhitespace();
            parameters[name] = cursor.Peek() == '"' ? cursor.ReadQuotedString() : cursor.ReadUnquotedValue();
        }
    }

    /// <summary>A position in a header value with the few reads the challenge grammar needs.</summary>
    private struct HeaderCursor(string text)
    {
        private const string TokenSymbols = "!#$%&'*+-.^_`|~";

        public int Position { get; set; }

        public readonly char Peek() => Position < text.Length ? text[Position] : '\0';

        public bool TryConsume(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            Position++;
            return true;
        }

        public void SkipWhitespace()
        {
            while (Position < text.Length && text[Position] is ' ' or '\t')
            {
                Position++;
            }
        }

        public void SkipSeparators()
        {
            while (Position < text.Length && text[Position] is ' ' or '\t' or ',')
            {
                Position++;
            }
        }

        public string ReadToken() => ReadWhile(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal));

        public string ReadUnquotedValue() => ReadWhile(c => c is not (',' or ' ' or '\t'));

        public string ReadQuotedString()
        {
            var value = new System.Text.StringBuilder();
            Position++; // opening quote
            while (Position < text.Length && text[Position] != '"')
            {
                if (text[Position] == '\\' && Position + 1 < text.Length)
                {
                    Position++;
                }

                value.Append(text[Position++]);
            }

            Position = Math.Min(Position + 1, text.Length); // past the closing quote, if there is one
            return value.ToString();
        }

        private string ReadWhile(Func<char, bool> accept)
        {
            var start = Position;
            while (Position < text.Length && accept(text[Position]))
            {
                Position++;
            }

            return text[start..Position];
        }
    }
}
