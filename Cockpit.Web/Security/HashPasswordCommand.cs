using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Cockpit.Web.Security;

/// <summary>
/// <c>dotnet run --project Cockpit.Web -- hash-password</c>: reads a password from standard input (one line, or typed
/// without echo and confirmed) and prints its <c>PasswordHasher</c> hash for <c>Cockpit:Users:n:PasswordHash</c>.
/// </summary>
public static class HashPasswordCommand
{
    /// <summary>The command-line argument that runs the command instead of the web host.</summary>
    public const string Name = "hash-password";

    /// <summary>Shortest password the command hashes.</summary>
    public const int MinLength = 8;

    /// <summary>Whether <paramref name="args"/> ask for this command.</summary>
    public static bool IsRequested(string[] args) => args is [Name];

    /// <summary>Runs the command on the console; returns the process exit code.</summary>
    public static int Run() =>
        Console.IsInputRedirected
            ? Run(Console.In, Console.Out, Console.Error)
            : Run(new StringReader(ReadTyped() ?? ""), Console.Out, Console.Error);

    /// <summary>Hashes the first line of <paramref name="input"/> and writes the hash as one line to <paramref name="output"/>.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            error.WriteLine($"Give a password of at least {MinLength} characters on standard input, e.g.: read -rs P && printf '%s\\n' \"$P\" | dotnet run --project Cockpit.Web -- {Name}");
            return 1;
        }

        output.WriteLine(new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), password));
        return 0;
    }

    private static string? ReadTyped()
    {
        var first = ReadHidden("Password: ");
        var again = ReadHidden("Again: ");
        if (!string.Equals(first, again, StringComparison.Ordinal))
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
