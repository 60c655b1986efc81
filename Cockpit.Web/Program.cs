using Cockpit.Alerting;
using Cockpit.Ingest;
using Cockpit.Web;
using Cockpit.Web.Security;

if (HashPasswordCommand.IsRequested(args))
{
    return HashPasswordCommand.Run();
}

var builder = WebApplication.CreateBuilder(args);

// `dotnet run` serves framework and library assets from their build locations in every environment, not only in
// Development; a published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();

builder.AddCockpitIngest();
builder.AddCockpitAlerting();
builder.AddCockpitWeb();

var app = builder.Build();

app.UseCockpitWeb();

app.Run();
return 0;

/// <summary>The web host's entry point; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
