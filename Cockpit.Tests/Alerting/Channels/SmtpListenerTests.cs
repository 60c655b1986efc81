using System.Net.Sockets;
using System.Text;
using Cockpit.Tests.Testing;
using Reply = Cockpit.Tests.Testing.SmtpListener.Reply;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The test SMTP server itself, spoken to line by line, so that the email tests can trust what it recorded.</summary>
public sealed class SmtpListenerTests
{
    [Fact]
    public async Task Dialogue_DotStuffedData_RecordedUnstuffedWithEnvelope()
    {
        await using var smtp = new SmtpListener();
        await using var session = await Session.Open(smtp);

        Assert.StartsWith("220 ", await session.Read(), StringComparison.Ordinal);
        Assert.Equal("250 127.0.0.1", await session.Say("HELO test"));
        Assert.Equal("250 2.1.0 OK", await session.Say("MAIL FROM:<a@example.com>"));
        Assert.Equal("250 2.1.5 OK", await session.Say("RCPT TO:<b@example.com>"));
        Assert.Equal("250 2.0.0 OK", await session.Say("NOOP"));
        Assert.StartsWith("354 ", await session.Say("DATA"), StringComparison.Ordinal);
        Assert.Equal("250 2.0.0 OK queued", await session.Say("Subject: x\r\n\r\n..starts with a dot\r\n..\r\nmiddle\r\n."));
        Assert.Equal("221 2.0.0 Bye", await session.Say("QUIT"));

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("a@example.com", mail.From);
        Assert.Equal(["b@example.com"], mail.To);
        Assert.Equal("Subject: x\r\n\r\n.starts with a dot\r\n.\r\nmiddle\r\n", mail.Raw);
    }

    [Fact]
    public async Task Dialogue_ScriptedRefusalsAndRset_UsedOnceInOrder()
    {
        await using var smtp = new SmtpListener(new Reply("RCPT", "550 5.1.1 no"), new Reply(".", "451 4.3.0 later"));
        await using var session = await Session.Open(smtp);
        await session.Read();

        Assert.StartsWith("250-127.0.0.1", await session.Say("EHLO test"), StringComparison.Ordinal);
        Assert.Equal("250 HELP", await session.Read());
        await session.Say("MAIL FROM:<a@example.com>");
        Assert.Equal("550 5.1.1 no", await session.Say("RCPT TO:<b@example.com>"));
        Assert.Equal("250 2.1.5 OK", await session.Say("RCPT TO:<c@example.com>"));
        await session.Say("DATA");
        Assert.Equal("451 4.3.0 later", await session.Say("body\r\n."));
        Assert.Equal("250 2.0.0 OK", await session.Say("RSET"));
        await session.Say("MAIL FROM:<a@example.com>");
        await session.Say("RCPT TO:<d@example.com>");
        await session.Say("DATA");
        Assert.Equal("250 2.0.0 OK queued", await session.Say("again\r\n."));

        Assert.Equal(["d@example.com"], Assert.Single(smtp.Messages).To);
        Assert.Equal(["EHLO test", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "RCPT TO:<c@example.com>", "DATA", "RSET"], smtp.Commands.Take(6));
    }

    private sealed class Session : IAsyncDisposable
    {
        private readonly TcpClient _client;
        private readonly StreamReader _reader;
        private readonly StreamWriter _writer;

        private Session(TcpClient client)
        {
            _client = client;
            _reader = new StreamReader(client.GetStream(), Encoding.UTF8);
            _writer = new StreamWriter(client.GetStream(), new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        }

        public static async Task<Session> Open(SmtpListener smtp)
        {
            var client = new TcpClient();
            await client.ConnectAsync(smtp.Host, smtp.Port);
            return new Session(client);
        }

        public async Task<string> Read() => await _reader.ReadLineAsync() ?? "(closed)";

        public async Task<string> Say(string line)
        {
            await _writer.WriteLineAsync(line);
            return await Read();
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.DisposeAsync();
            _reader.Dispose();
            _client.Dispose();
        }
    }
}
