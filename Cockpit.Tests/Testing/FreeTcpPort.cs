using System.Net;
using System.Net.Sockets;

namespace Cockpit.Tests.Testing;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now, for real servers started by tests and benches.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
