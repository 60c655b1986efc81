namespace Cockpit.Detection.Alerts;

/// <summary>
/// Takes the alert signals detection raises (firing, escalation, resolution and pending). The alerting layer implements
/// it; detection does not know what happens next. Called on the detection thread, in order: implementations must be quick.
/// </summary>
public interface IAlertSignalSink
{
    void Accept(AlertSignal signal);
}
