## The terminal chat (npm run chat, and npm start in a terminal).
console-welcome = 银龄助手（终端）。直接打字提问；有按钮时输入编号；输入 /quit 退出。
console-bot = 银龄助手
console-bot-group = 银龄助手（群里）
