using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Cockpit.Tests.Testing;

/// <summary>
/// A real Mosquitto broker (Debian's <c>/usr/sbin/mosquitto</c>) on a free port of 127.0.0.1, configured in a temp
/// folder, without persistence: a restart forgets every session, as a broker that lost its state would. It can be
/// stopped and started again on the same port; <see cref="PublishAsync"/> publishes with the <c>mosquitto_pub</c> CLI.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string BrokerPath = "/usr/sbin/mosquitto";
    private const string PublishPath = "/usr/bin/mosquitto_pub";
    private const string PasswordPath = "/usr/bin/mosquitto_passwd";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _dir = new();
    private readonly StringBuilder _log = new();
    private Process? _process;

    private MosquittoBroker(int port, string? username, string? password)
    {
        Port = port;
        Username = username;
        Password = password;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The only user the broker lets in, or null when it allows anonymous clients.</summary>
    public string? Username { get; }

    public string? Password { get; }

    /// <summary>What the broker wrote to stderr so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a broker; with a user name it refuses anonymous clients and knows only that user.</summary>
    public static async Task<MosquittoBroker> StartAsync(string? username = null, string? password = null)
    {
        var broker = new MosquittoBroker(FreeTcpPort.Next(), username, password);
        try
        {
            await broker.WriteConfigAsync();
            await broker.RestartAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the broker (as a crash would: clients see their connection drop) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Starts the broker again on the same port and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(BrokerPath)
            {
                ArgumentList = { "-c", ConfigPath },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            },
        };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        await Eventually.Get(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}:\n{Log}");
                }

                return await AcceptsConnectionsAsync() ? this : null;
            },
            StartDeadline,
            $"mosquitto to listen on {Host}:{Port}");
    }

    /// <summary>Publishes one message with QoS 1 through the <c>mosquitto_pub</c> CLI, as the broker's user when it has one.</summary>
    public async Task PublishAsync(string topic, string payload)
    {
        var arguments = new List<string> { "-h", Host, "-p", Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", topic, "-m", payload };
        if (Username is not null)
        {
            arguments.AddRange(["-u", Username, "-P", Password ?? ""]);
        }

        await RunAsync(PublishPath, arguments);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _dir.Dispose();
    }

    private string ConfigPath => Path.Combine(_dir.Path, "mosquitto.conf");

    private static async Task RunAsync(string path, IEnumerable<string> arguments)
    {
        var (exitCode, output) = await ExternalCommand.RunAsync(path, arguments, TimeSpan.FromSeconds(30));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{path} exited with {exitCode}: {output}");
        }
    }

    private async Task WriteConfigAsync()
    {
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"listener {Port} {Host}")
            .AppendLine("persistence false")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice")
            .AppendLine("log_type information")
            .AppendLine("connection_messages true");

        // Run as whoever runs the tests: as root, mosquitto would otherwise switch to the "mosquitto" user, which
        // may not be able to read the temp folder.
        config.AppendLine(CultureInfo.InvariantCulture, $"user {Environment.UserName}");
        if (Username is null)
        {
            config.AppendLine("allow_anonymous true");
        }
        else
        {
            var passwords = Path.Combine(_dir.Path, "passwords");
            await RunAsync(PasswordPath, ["-b", "-c", passwords, Username, Password ?? ""]);
            config.AppendLine("allow_anonymous false")
                .AppendLine(CultureInfo.InvariantCulture, $"password_file {passwords}");
        }

        await File.WriteAllTextAsync(ConfigPath, config.ToString());
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
