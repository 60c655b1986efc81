// The inbox's opt-in alarm for new critical alerts: a browser notification and a short beep. Off until the user turns
// it on; the choice is kept in localStorage; notification permission is asked only when the user turns it on.
const key = "cockpit.inbox.alarm";
let audio = null;

function supported() {
  return typeof window.Notification !== "undefined";
}

export function state() {
  return {
    enabled: localStorage.getItem(key) === "on",
    permission: supported() ? Notification.permission : "unsupported"
  };
}

// Called from the toggle's click: asks for permission then (a user gesture), and unlocks audio for later beeps.
export async function enable() {
  localStorage.setItem(key, "on");
  unlockAudio();
  if (supported() && Notification.permission === "default") {
    try {
      await Notification.requestPermission();
    } catch {
      // Older browsers take a callback instead of returning a promise; the beep still works.
    }
  }
  return state();
}

export function disable() {
  localStorage.setItem(key, "off");
  return state();
}

// Title and body are plain text (the Notification API does not render markup).
export function alarm(title, body, url, tag) {
  if (localStorage.getItem(key) !== "on") {
    return false;
  }
  beep();
  if (supported() && Notification.permission === "granted") {
    const n = new Notification(title, { body: body, tag: tag });
    n.onclick = () => {
      window.focus();
      if (url) {
        window.location.href = url;
      }
      n.close();
    };
  }
  return true;
}

function unlockAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) {
    return;
  }
  audio = audio || new Context();
  if (audio.state === "suspended") {
    audio.resume();
  }
}

// Two short tones, generated: no audio file to ship.
function beep() {
  unlockAudio();
  if (!audio) {
    return;
  }
  const start = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + i * 0.18);
    oscillator.stop(start + i * 0.18 + 0.17);
  });
}
