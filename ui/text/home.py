"""Strings of the home page: what the dashboard is and the learning path."""

STRINGS = {
    "home.title": {
        "en": "How neural networks learn: optimization, step by step",
        "ko": "신경망은 어떻게 배울까: 한 걸음씩 보는 최적화",
    },
    "home.intro": {
        "en": "Training a network means turning a cost into a landscape and walking "
        "downhill on it. Each page of this guide takes one idea of that walk — the "
        "slope, the traps, the noise of small batches, and the averaging tricks behind "
        "momentum, RMSprop and Adam — and lets you change the numbers and watch what "
        "happens. Every setting lives in the address bar, so a link opens exactly the "
        "demo you set up.",
        "ko": "신경망을 학습시킨다는 것은 비용을 하나의 지형으로 보고 그 위를 "
        "내려가는 일입니다. 이 안내서의 각 페이지는 그 여정의 한 가지 생각을 다룹니다. "
        "기울기, 함정처럼 얕은 골짜기, 작은 배치가 만드는 잡음, 그리고 모멘텀·RMSprop·"
        "Adam 뒤에 숨은 평균 내기 기법까지. 숫자를 직접 바꿔 보며 무슨 일이 일어나는지 "
        "확인하세요. 모든 설정은 주소창에 담기므로, 링크 하나로 지금 만든 예제를 그대로 "
        "다른 사람에게 보여 줄 수 있습니다.",
    },
    "home.path_title": {"en": "The learning path", "ko": "학습 순서"},
    "home.in_preparation": {"en": "in preparation", "ko": "준비 중"},
    "home.path.gradient_descent": {
        "en": "The cost as a parabola in W, and why stepping against the slope "
        "always heads downhill.",
        "ko": "비용을 W에 대한 포물선으로 보고, 기울기 반대 방향으로 움직이면 왜 "
        "항상 내려가는지 알아봅니다.",
    },
    "home.path.local_optima": {
        "en": "Real surfaces have many dips; where you start decides where you stop.",
        "ko": "실제 비용 지형에는 움푹한 곳이 여럿 있고, 어디서 출발하느냐가 어디에 "
        "멈추는지를 정합니다.",
    },
    "home.path.batch_sizes": {
        "en": "Batch, mini-batch and stochastic gradient descent: how many examples "
        "each step looks at, and what that costs.",
        "ko": "배치, 미니배치, 확률적 경사 하강법(SGD): 한 걸음에 몇 개의 예제를 보는지, "
        "그리고 그 대가는 무엇인지.",
    },
    "home.path.ewa": {
        "en": "Exponentially weighted averages, the window 1/(1−β), and bias correction.",
        "ko": "지수 가중 평균, 대략 1/(1−β)개를 평균 내는 창, 그리고 편향 보정.",
    },
    "home.path.momentum": {
        "en": "Averaging the gradients so that zig-zags cancel and progress adds up.",
        "ko": "기울기를 평균 내어 지그재그는 상쇄하고 나아가는 방향은 쌓아 갑니다.",
    },
    "home.path.rmsprop": {
        "en": "Dividing each step by the typical size of its gradient.",
        "ko": "각 방향의 걸음을 그 방향 기울기의 평소 크기로 나눕니다.",
    },
    "home.path.adam": {
        "en": "Momentum and RMSprop together, with bias correction.",
        "ko": "모멘텀과 RMSprop을 합치고 편향 보정을 더한 방법.",
    },
    "home.path.race": {
        "en": "Six optimizers from one start, on classic surfaces or a function you type: "
        "click the map to move the start, give each its own best rate, add a learning-rate "
        "schedule.",
        "ko": "여섯 옵티마이저가 같은 점에서 출발해 유명한 곡면이나 직접 입력한 함수 위를 "
        "달립니다. 지도를 눌러 시작점을 옮기고, 저마다 가장 좋은 학습률을 주고, 학습률 "
        "스케줄을 더해 보세요.",
    },
    "home.teaser_title": {
        "en": "Preview: four optimizers in one long, narrow valley",
        "ko": "미리 보기: 길고 좁은 골짜기 하나, 옵티마이저 넷",
    },
    "home.teaser_caption": {
        "en": "The valley f(x, y) = (x² + {condition}·y²)/2 is {condition} times more curved "
        "across than along. Plain gradient descent must keep its step size below "
        "2/{condition} = {limit}, or it swings out across the steep direction, so along the "
        "flat one it crawls: after {steps} steps it has covered {gd} of the way to the "
        "minimum along x, against {momentum} for momentum, {rmsprop} for RMSprop and {adam} "
        "for Adam. The later pages explain why. Press Play to watch the runs.",
        "ko": "골짜기 f(x, y) = (x² + {condition}·y²)/2는 가로 방향보다 세로 방향으로 "
        "{condition}배 더 가파르게 휘어 있습니다. 경사 하강법은 학습률을 "
        "2/{condition} = {limit}보다 작게 잡아야 가파른 방향으로 튕겨 나가지 않으므로, 완만한 "
        "방향으로는 느릿느릿 기어갑니다. {steps}단계 동안 x 방향으로 최솟값까지 가야 할 "
        "거리 가운데 경사 하강법은 {gd}, 모멘텀은 {momentum}, RMSprop은 {rmsprop}, "
        "Adam은 {adam}만큼 왔습니다. 그 까닭은 뒤의 페이지에서 설명합니다. 재생 버튼을 "
        "눌러 경로를 보세요.",
    },
    "home.teaser_caption_close": {
        "en": "The valley f(x, y) = (x² + {condition}·y²)/2 is {condition} times more curved "
        "across than along. After {steps} steps, the share of the way to the minimum covered "
        "along x: gradient descent {gd}, momentum {momentum}, RMSprop {rmsprop}, Adam {adam}. "
        "Press Play to watch the runs.",
        "ko": "골짜기 f(x, y) = (x² + {condition}·y²)/2는 가로 방향보다 세로 방향으로 "
        "{condition}배 더 가파르게 휘어 있습니다. {steps}단계 동안 x 방향으로 최솟값까지 "
        "온 비율: 경사 하강법 {gd}, 모멘텀 {momentum}, RMSprop {rmsprop}, Adam {adam}. "
        "재생 버튼을 눌러 경로를 보세요.",
    },
    "home.x": {"en": "x (flat direction)", "ko": "x (완만한 방향)"},
    "home.y": {"en": "y (steep direction)", "ko": "y (가파른 방향)"},
    "home.steps": {"en": "Number of steps", "ko": "단계 수"},
    "home.contour_title": {"en": "Paths on the contour map", "ko": "등고선 위의 경로"},
    "home.loss_title": {"en": "Cost per step (log scale)", "ko": "단계별 비용 (로그 눈금)"},
    "home.try": {
        "en": "drag the number of steps down to 10 and compare how far each optimizer "
        "got along the valley; then open the share box in the sidebar — the link keeps "
        "your choice.",
        "ko": "단계 수를 10까지 줄여서 각 옵티마이저가 골짜기를 따라 얼마나 갔는지 "
        "비교해 보세요. "
        "그다음 사이드바의 공유 상자를 열어 보면 링크에 그 설정이 담겨 있습니다.",
    },
}
