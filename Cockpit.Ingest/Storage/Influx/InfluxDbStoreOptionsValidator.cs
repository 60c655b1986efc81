using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// Checks <see cref="StoreOptions.InfluxDb"/> when the InfluxDB store is chosen: data annotations are not applied to
/// nested options, and the relations between values (credentials, retry delays) need code. Settings of a store that
/// is not in use must not stop Cockpit, so any other kind skips.
/// </summary>
internal sealed class InfluxDbStoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const string Section = StoreOptions.SectionName + ":" + nameof(StoreOptions.InfluxDb);

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (options.Kind != StoreKind.InfluxDb)
        {
            return ValidateOptionsResult.Skip;
        }

        var influx = options.InfluxDb;
        var builder = new ValidateOptionsResultBuilder();
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(influx, new ValidationContext(influx), annotations, validateAllProperties: true);
        foreach (var result in annotations)
        {
            builder.AddError(result.ErrorMessage ?? "is invalid.", $"{Section}:{string.Join(',', result.MemberNames)}");
        }

        if (influx.Url is null)
        {
            builder.AddError("is required when Cockpit:Store:Kind is InfluxDb, e.g. http://influxdb:8086.", $"{Section}:{nameof(InfluxDbStoreOptions.Url)}");
        }
        else if (!influx.Url.IsAbsoluteUri || (influx.Url.Scheme != Uri.UriSchemeHttp && influx.Url.Scheme != Uri.UriSchemeHttps))
        {
            builder.AddError("must be an absolute http:// or https:// address.", $"{Section}:{nameof(InfluxDbStoreOptions.Url)}");
        }
        else if (influx.Url.UserInfo.Length > 0)
        {
            // A password in the address would end up in logs and in the health page.
            builder.AddError("must not carry credentials; set Username/Password or Token.", $"{Section}:{nameof(InfluxDbStoreOptions.Url)}");
        }

        if (string.IsNullOrWhiteSpace(influx.Database))
        {
            builder.AddError("is required.", $"{Section}:{nameof(InfluxDbStoreOptions.Database)}");
        }

        if (!string.IsNullOrEmpty(influx.Password) && string.IsNullOrEmpty(influx.Username))
        {
            builder.AddError("is set without a user name.", $"{Section}:{nameof(InfluxDbStoreOptions.Password)}");
        }

        if (!string.IsNullOrEmpty(influx.Token) && !string.IsNullOrEmpty(influx.Username))
        {
            builder.AddError("and Username are both set; use a Token (InfluxDB 2.x/3.x) or Username/Password (1.x), not both.", $"{Section}:{nameof(InfluxDbStoreOptions.Token)}");
        }

        if (influx.MaxRetryDelay < influx.MinRetryDelay)
        {
            builder.AddError(
                $"({influx.MaxRetryDelay}) is shorter than {nameof(InfluxDbStoreOptions.MinRetryDelay)} ({influx.MinRetryDelay}).",
                $"{Section}:{nameof(InfluxDbStoreOptions.MaxRetryDelay)}");
        }

        return builder.Build();
    }
}
