using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cockpit.Tests.Testing;

/// <summary>
/// A real, minimal SMTP server on 127.0.0.1 and a free port: EHLO/HELO, MAIL FROM, RCPT TO, DATA (with dot-unstuffing),
/// RSET, NOOP, QUIT. It records each message's envelope and raw text, so that tests can check what a client really sent,
/// and answers from a script where a test wants a failure: a <see cref="Reply"/> for <c>MAIL</c>, <c>RCPT</c>,
/// <c>DATA</c> (instead of 354), <c>.</c> (after the message's end) or <c>CONNECT</c> (instead of the greeting) is used
/// once, in order, for that step. <see cref="Hang"/> accepts connections and never says a word.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _script = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SmtpListener(params Reply[] script)
    {
        foreach (var reply in script)
        {
            _script.GetOrAdd(reply.Step, _ => new ConcurrentQueue<string>()).Enqueue(reply.Text);
        }

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Accept connections but never answer: the client's own timeout must end the attempt.</summary>
    public bool Hang { get; init; }

    /// <summary>The messages accepted so far (after a 250 to the end of DATA), in order.</summary>
    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>Every command line received so far (DATA content excluded), in order.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The listener throws on its way out; nothing is left to answer.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            var greeting = Scripted("CONNECT") ?? "220 127.0.0.1 Cockpit test SMTP ready";
            await writer.WriteLineAsync(greeting);
            if (!greeting.StartsWith('2'))
            {
                return;
            }

            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                _commands.Enqueue(line);
                var verb = (line.Split(' ', 2)[0]).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-127.0.0.1 greets you\r\n250 HELP\r\n");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        if (await Refuse(writer, "MAIL"))
                        {
                            break;
                        }

                        (from, to) = (Address(line), []);
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        if (await Refuse(writer, "RCPT"))
                        {
                            break;
                        }

                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        if (await Refuse(writer, "DATA"))
                        {
                            break;
                        }

                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = await ReadDataAsync(reader);
                        if (await Refuse(writer, "."))
                        {
                            break;
                        }

                        _messages.Enqueue(new ReceivedMail(from ?? "", [.. to], raw));
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 2.0.0 OK queued");
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (IOException)
        {
            // The client went away.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var raw = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            // Dot-unstuffing (RFC 5321 4.5.2): a line that starts with a dot was sent with one more.
            raw.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        return raw.ToString();
    }

    private async Task<bool> Refuse(StreamWriter writer, string step)
    {
        if (Scripted(step) is not { } reply)
        {
            return false;
        }

        await writer.WriteLineAsync(reply);
        return true;
    }

    private string? Scripted(string step) =>
        _script.TryGetValue(step, out var queue) && queue.TryDequeue(out var reply) ? reply : null;

    private static string Address(string command)
    {
        var start = command.IndexOf('<', StringComparison.Ordinal);
        var end = command.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? command[(start + 1)..end] : command[(command.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>A scripted reply (e.g. <c>"451 4.3.0 try later"</c>) for one step: MAIL, RCPT, DATA, "." or CONNECT.</summary>
    public sealed record Reply(string Step, string Text);

    /// <summary>One accepted message: the envelope and the raw message as sent (dot-unstuffed, CRLF line ends).</summary>
    public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw);
}
