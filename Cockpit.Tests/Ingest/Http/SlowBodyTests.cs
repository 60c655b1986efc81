using System.Net.Sockets;
using System.Text;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Http;

/// <summary>
/// A client that trickles its body slower than Kestrel's minimum data rate (240 bytes/s after a 5 s grace) is cut off:
/// on a real Kestrel (its own process) it must hear 408 with a JSON error, not a 500 page.
/// </summary>
public sealed class SlowBodyTests : IDisposable
{
    private const string Secret = "slow-body-test-secret-0123456789";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Write_BodySentSlowerThanTheMinimumRate_Is408WithAJsonError()
    {
        var port = FreeTcpPort.Next();
        using var cockpit = CockpitWebProcess.Start(port, _dir.Path, "slow", Secret);
        try
        {
            await Eventually.Get(async () => await Up(port) ? "up" : null, TimeSpan.FromSeconds(60), "Cockpit to answer");
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /write?db=cockpit HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {Secret}\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"));

            // Ten bytes a second, far below the minimum rate, until the server answers (or 20 s pass).
            var answer = new StringBuilder();
            var buffer = new byte[4096];
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var reading = stream.ReadAsync(buffer, deadline.Token).AsTask();
            while (!reading.IsCompleted && !deadline.IsCancellationRequested)
            {
                try
                {
                    await stream.WriteAsync("cpu v=1 1\n"u8.ToArray(), deadline.Token);
                }
                catch (IOException)
                {
                    break;
                }

                await Task.WhenAny(reading, Task.Delay(1000, deadline.Token));
            }

            var read = await reading;
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
            Assert.Contains("minimum data rate", answer.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            cockpit.Kill();
            await cockpit.WaitForExitAsync();
        }
    }

    private static async Task<bool> Up(int port)
    {
        try
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/ping"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
