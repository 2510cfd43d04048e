"""Strings shared by every page: app title, sidebar, navigation, errors."""

STRINGS = {
    "common.app_title": {
        "en": "Optimization, step by step",
        "ko": "한 걸음씩 배우는 최적화",
    },
    "common.language": {"en": "Language", "ko": "언어"},
    "common.link_refused": {
        "en": "The link's value for “{label}” ({value}) cannot be used: {fix}.",
        "ko": "링크에 담긴 “{label}” 값({value})은 쓸 수 없습니다. {fix}.",
    },
    "common.link_default": {
        "en": "the default is used instead",
        "ko": "기본값을 씁니다",
    },
    "common.reset": {"en": "Reset to defaults", "ko": "기본값으로 되돌리기"},
    "common.share": {"en": "Share this view", "ko": "이 화면 공유하기"},
    "common.share_help": {
        "en": "This link opens this page with every setting you chose.",
        "ko": "이 링크를 열면 지금 고른 설정 그대로 이 페이지가 열립니다.",
    },
    "common.copy": {"en": "Copy link", "ko": "링크 복사"},
    "common.copied": {"en": "Copied", "ko": "복사했습니다"},
    "common.computing": {"en": "Computing…", "ko": "계산하는 중…"},
    "common.what_to_try": {"en": "What to try", "ko": "이렇게 해 보세요"},
    "common.step": {"en": "step", "ko": "단계"},
    "common.loss": {"en": "cost", "ko": "비용"},
    "common.start": {"en": "start", "ko": "시작점"},
    "common.play": {"en": "Play", "ko": "재생"},
    "common.pause": {"en": "Pause", "ko": "일시정지"},
    "common.global_min": {"en": "global minimum", "ko": "전역 최솟값"},
    "common.local_min": {"en": "local minimum", "ko": "지역 최솟값"},
    "common.saddle": {"en": "saddle point", "ko": "안장점"},
    "common.diverged": {
        "en": "{name} diverged at step {step}: the cost grew without bound, "
        "so the run was stopped there. Try a smaller learning rate.",
        "ko": "{name}: {step}단계에서 발산했습니다. 비용이 끝없이 커져서 거기서 "
        "멈췄습니다. 학습률을 더 작게 해 보세요.",
    },
    "common.bad_value": {
        "en": "Could not use this setting: {detail}",
        "ko": "이 설정은 쓸 수 없습니다: {detail}",
    },
    "common.optimizer.gd": {"en": "Gradient descent", "ko": "경사 하강법"},
    "common.optimizer.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "common.optimizer.rmsprop": {"en": "RMSprop", "ko": "RMSprop"},
    "common.optimizer.adam": {"en": "Adam", "ko": "Adam"},
    "common.camera": {"en": "Camera", "ko": "카메라"},
    "common.camera.iso": {"en": "3D view", "ko": "입체"},
    "common.camera.top": {"en": "From above", "ko": "위에서"},
    "common.camera.side": {"en": "From the side", "ko": "옆에서"},
    # navigation titles, in learning order
    "nav.home": {"en": "Start here", "ko": "시작하기"},
    "nav.gradient_descent": {"en": "Gradient descent", "ko": "경사 하강법"},
    "nav.local_optima": {"en": "Local optima", "ko": "지역 최적점"},
    "nav.batch_sizes": {"en": "Batch sizes", "ko": "배치 크기"},
    "nav.ewa": {"en": "Weighted averages", "ko": "지수 가중 평균"},
    "nav.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "nav.rmsprop": {"en": "RMSprop", "ko": "RMSprop"},
    "nav.adam": {"en": "Adam", "ko": "Adam"},
    "nav.race": {"en": "Optimizer race", "ko": "옵티마이저 경주"},
}
