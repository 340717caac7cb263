// 银龄助手 web chat. Every text from the server is put on the page with textContent, never as HTML.

(() => {
  const list = document.getElementById('messages');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const send = document.getElementById('send');
  const status = document.getElementById('status');
  let busy = false;

  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  function bubble(role, text) {
    const li = document.createElement('li');
    li.className = `msg ${role}`;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = role === 'me' ? '我' : '银龄助手';
    const p = document.createElement('p');
    p.className = 'text';
    p.textContent = text;
    li.append(who, p);
    list.append(li);
    li.scrollIntoView({ block: 'end', behavior: 'smooth' });
    return li;
  }

  function showReply(reply) {
    const li = bubble('bot', String(reply.text ?? ''));
    const buttons = Array.isArray(reply.buttons) ? reply.buttons : [];
    if (buttons.length === 0) return;
    const group = document.createElement('div');
    group.className = 'choices';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', '可以点选');
    for (const b of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'choice';
      button.textContent = String(b.label ?? '');
      button.addEventListener('click', () => {
        void post({ button: String(b.payload ?? '') }, button.textContent, { group, button });
      });
      group.append(button);
    }
    li.append(group);
    li.scrollIntoView({ block: 'end', behavior: 'smooth' });
  }

  function setBusy(on) {
    busy = on;
    send.disabled = on;
    if (on) setStatus('银龄助手正在回复，请稍等……');
  }

  /** Sends a message or a button press; a pressed button's row is closed once the answer arrives. */
  async function post(body, shown, pressed) {
    if (busy) return;
    setBusy(true);
    bubble('me', shown);
    try {
      const res = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(body),
      });
      if (res.status === 400 || res.status === 413) {
        setStatus('这条消息太长或格式不对，请改短一点再发。', true);
        return;
      }
      if (res.status === 429) {
        // Too many messages in a minute: the server says kindly when to go on.
        const slow = await res.json().catch(() => ({}));
        for (const reply of Array.isArray(slow.replies) ? slow.replies : []) showReply(reply);
        setStatus('');
        return;
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const out = await res.json();
      if (pressed) {
        for (const b of pressed.group.querySelectorAll('button')) b.disabled = true;
        pressed.button.classList.add('chosen');
      }
      setStatus('');
      // Every reply is shown, also those the bot addresses to the user's private chat.
      for (const reply of Array.isArray(out.replies) ? out.replies : []) showReply(reply);
    } catch {
      setStatus('网络或服务出了点问题，请稍后再试一次。', true);
    } finally {
      setBusy(false);
      if (!pressed) input.focus();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    void post({ text }, text, null);
  });

  // Enter sends, Shift+Enter starts a new line; never while a Chinese input method is still composing.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    form.requestSubmit();
  });

  /** What staff decided on matters registered from this browser since its last visit, shown first. */
  async function showNotices() {
    try {
      const res = await fetch('/api/chat/notices', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) return;
      const out = await res.json();
      for (const reply of Array.isArray(out.replies) ? out.replies : []) showReply(reply);
    } catch {
      // The page works without them; a notice not yet delivered is shown on a later visit.
    }
  }

  void showNotices();
  input.focus();
})();
