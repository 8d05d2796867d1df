"""The catalog's data: categories and layer kinds.

Plain declarations only. A few small factories (``_conv``, ``_pool``) declare
the 1-d/2-d/3-d variants of one family so that each family is written once.
"""

from __future__ import annotations

from editor.model.catalog.schema import Category, Constraint, HyperParam, LayerKind
from editor.model.words import say

P = HyperParam

CATEGORIES: tuple[Category, ...] = (
    Category("Linear", "#4C78A8", "linear", "Fully connected layers: y = xWᵀ + b."),
    Category("Convolution", "#E8853A", "conv", "Sliding filters over 1-d, 2-d or 3-d inputs."),
    Category("Pooling", "#3E9C9A", "pool", "Downsample by taking maxima or averages."),
    Category("Normalization", "#59A14F", "norm", "Rescale activations to a steady range."),
    Category("Dropout", "#A66BBE", "dropout", "Randomly zero activations while training."),
    Category("Activation", "#D4A82A", "activation", "Element-wise non-linearities."),
    Category("Shape", "#8C6D5A", "shape", "Reshape the tensor without learning anything."),
    Category("Embedding", "#D9668A", "embedding", "Look up a learned vector for each token id."),
    Category("Transformer", "#6F6FC9", "transformer", "Self-attention blocks."),
)

CUSTOM_CATEGORY = Category("My blocks", "#7B8794", "custom", "Your own layers and blocks, defined in this project.")
"""The palette section of custom layers and blocks (their kinds live in each project, not in ``KINDS``)."""

_INPLACE = P("inplace", "bool", False, help="Overwrite the input instead of allocating the output.")
_BIAS = P("bias", "bool", True, read="has('bias')", help="Learn an additive bias.")
_NORM_BIAS = P("bias", "bool", True, read="has('bias') or not attr('affine')",
               help="Learn the shift β (only with affine=True).")
_EPS = P("eps", "float", 1e-5, minimum=0, min_exclusive=True,
         help="Added to the variance so it never divides by zero.")
_MOMENTUM = P("momentum", "float", 0.1, minimum=0, maximum=1, nullable=True,
              help="Weight of each new batch in the running statistics (None: a plain average).")
_PROB = P("p", "float", 0.5, minimum=0, maximum=1, help="Probability of zeroing an element.")


def _spatial(dims: int) -> str:
    return {1: "length", 2: "height and width", 3: "depth, height and width"}[dims]


def _conv(dims: int, transposed: bool = False) -> LayerKind:
    name = f"Conv{'Transpose' if transposed else ''}{dims}d"
    kernel = f"prod(ntuple(kernel_size, {dims}))"
    taps = " × ".join(("k",) if dims == 1 else ("kh", "kw") if dims == 2 else ("kd", "kh", "kw"))
    if transposed:
        count = f"in_channels * (out_channels // groups) * {kernel} + (out_channels if bias else 0)"
        what = f"Transposed {dims}-d convolution: upsamples the {_spatial(dims)} with learned filters."
    else:
        count = f"out_channels * (in_channels // groups) * {kernel} + (out_channels if bias else 0)"
        what = f"{dims}-d convolution: slides learned filters over the {_spatial(dims)}."
    params = [
        P("in_channels", "int", 1, minimum=1, required=True,
          auto=f"shape[-{dims + 1}]", help="Channels of the input (dimension 1 of a batch)."),
        P("out_channels", "int", 16, minimum=1, required=True, help="Number of learned filters."),
        P("kernel_size", "size", 3, minimum=1, arity=dims, required=True, help="Size of each filter."),
        P("stride", "size", 1, minimum=1, arity=dims, help="Step between filter positions."),
    ]
    if transposed:
        params.append(P("padding", "size", 0, minimum=0, arity=dims,
                        help="Implicit zero padding removed from the output."))
        params.append(P("output_padding", "size", 0, minimum=0, arity=dims,
                        help="Extra size added to one side of the output."))
        params += [P("groups", "int", 1, minimum=1, help="Split channels into independent groups."),
                   _BIAS,
                   P("dilation", "size", 1, minimum=1, arity=dims, help="Spacing between filter taps."),
                   P("padding_mode", "choice", "zeros", choices=("zeros",),
                     help="Transposed convolutions only pad with zeros.")]
    else:
        params += [
            P("padding", "padding", 0, minimum=0, arity=dims, choices=("same", "valid"),
              help="Zero padding added on each side ('same' keeps the size)."),
            P("dilation", "size", 1, minimum=1, arity=dims, help="Spacing between filter taps."),
            P("groups", "int", 1, minimum=1, help="Split channels into independent groups."),
            _BIAS,
            P("padding_mode", "choice", "zeros", choices=("zeros", "reflect", "replicate", "circular"),
              help="How the border is padded."),
        ]
    constraints = [
        Constraint("in_channels % groups == 0",
                   say("{name} must be divisible by {by}", name="in_channels", by="groups"), "groups"),
        Constraint("out_channels % groups == 0",
                   say("{name} must be divisible by {by}", name="out_channels", by="groups"), "groups"),
    ]
    if transposed:
        constraints.append(Constraint(
            f"each_lt(ntuple(output_padding, {dims}), each_max(ntuple(stride, {dims}), ntuple(dilation, {dims})))",
            say("output_padding must be smaller than stride or dilation"), "output_padding"))
    else:
        constraints.append(Constraint(
            f"padding != 'same' or prod(ntuple(stride, {dims})) == 1",
            say("padding='same' only works with stride 1"), "padding"))
    spatial = {1: "64", 2: "28, 28", 3: "16, 16, 16"}[dims]
    if transposed:
        spatial = {1: "16", 2: "7, 7"}[dims]
    return LayerKind(
        name=name, category="Convolution", description=what, params=tuple(params),
        param_count=count, shape="conv_transpose" if transposed else "conv",
        shape_args={"dims": dims}, label="{in_channels} → {out_channels}, {kernel_size}",
        constraints=tuple(constraints), example_input=f"(1, in_channels, {spatial})",
        count_text=(f"{'in' if transposed else 'out'}_channels × {'out' if transposed else 'in'}_channels"
                    f" ÷ groups × {taps} + out_channels (bias)"),
    )


def _maxpool(dims: int) -> LayerKind:
    return LayerKind(
        name=f"MaxPool{dims}d", category="Pooling",
        description=f"Keeps the largest value in each window over the {_spatial(dims)}.",
        params=(
            P("kernel_size", "size", 2, minimum=1, arity=dims, required=True, help="Window size."),
            P("stride", "size", None, minimum=1, arity=dims, nullable=True,
              help="Step between windows (None: the kernel size)."),
            P("padding", "size", 0, minimum=0, arity=dims, help="Implicit -∞ padding on each side."),
            P("dilation", "size", 1, minimum=1, arity=dims, help="Spacing between window elements."),
            P("return_indices", "bool", False, choices=(False,),
              help="Must stay False: a Sequential passes one tensor from layer to layer."),
            P("ceil_mode", "bool", False, help="Round the output size up instead of down."),
        ),
        shape="maxpool", shape_args={"dims": dims}, label="{kernel_size}, stride {stride}",
        constraints=(Constraint(
            f"each_le(ntuple(padding, {dims}), each_half(ntuple(kernel_size, {dims})))",
            say("padding must be at most half of the kernel size"), "padding"),),
    )


def _avgpool(dims: int) -> LayerKind:
    params = [
        P("kernel_size", "size", 2, minimum=1, arity=dims, required=True, help="Window size."),
        P("stride", "size", None, minimum=1, arity=dims, nullable=True,
          help="Step between windows (None: the kernel size)."),
        P("padding", "size", 0, minimum=0, arity=dims, help="Implicit zero padding on each side."),
        P("ceil_mode", "bool", False, help="Round the output size up instead of down."),
        P("count_include_pad", "bool", True, help="Count padded zeros in the average."),
    ]
    if dims == 2:
        params.append(P("divisor_override", "int", None, minimum=1, nullable=True,
                        help="Divide by this instead of the window size."))
    return LayerKind(
        name=f"AvgPool{dims}d", category="Pooling",
        description=f"Averages each window over the {_spatial(dims)}.",
        params=tuple(params), shape="avgpool", shape_args={"dims": dims},
        label="{kernel_size}, stride {stride}",
        constraints=(Constraint(f"each_le(ntuple(padding, {dims}), each_half(ntuple(kernel_size, {dims})))",
                                say("padding must be at most half of the kernel size"), "padding"),),
    )


def _adaptive(op: str, dims: int) -> LayerKind:
    params = [P("output_size", "output_size", 1, minimum=1, arity=dims, required=True,
                help="Output size; the window adapts to the input.")]
    if op == "Max":
        params.append(P("return_indices", "bool", False, choices=(False,),
                        help="Must stay False: a Sequential passes one tensor from layer to layer."))
    word = "largest value" if op == "Max" else "average"
    return LayerKind(
        name=f"Adaptive{op}Pool{dims}d", category="Pooling",
        description=f"Takes the {word} over windows sized to give a fixed output size.",
        params=tuple(params), shape="adaptive_pool", label="→ {output_size}",
        # torch's adaptive_avg_pool2d works on the last two dimensions of any input
        shape_args={"dims": dims, "any_rank": op == "Avg" and dims == 2},
    )


def _batchnorm(dims: int) -> LayerKind:
    ranks = (2, 3) if dims == 1 else (4,)
    example = "(2, num_features)" if dims == 1 else "(1, num_features, 28, 28)"
    return LayerKind(
        name=f"BatchNorm{dims}d", category="Normalization",
        description="Normalizes each channel over the batch, then scales and shifts it.",
        params=(
            P("num_features", "int", 16, minimum=1, required=True, auto="shape[1]",
              help="Channels of the input (dimension 1)."),
            _EPS, _MOMENTUM,
            P("affine", "bool", True, help="Learn a scale γ and shift β per channel."),
            P("track_running_stats", "bool", True,
              help="Keep running mean and variance buffers for evaluation."),
            _NORM_BIAS,
        ),
        param_count="(num_features if affine else 0) + (num_features if affine and bias else 0)",
        count_text="2 × num_features (γ and β) when affine",
        shape="batchnorm", shape_args={"ranks": ranks}, label="{num_features}", example_input=example,
    )


def _activation(name: str, description: str, *params: HyperParam, label: str = "") -> LayerKind:
    return LayerKind(name=name, category="Activation", description=description, params=params, label=label)


KINDS: tuple[LayerKind, ...] = (
    # Linear
    LayerKind(
        name="Linear", category="Linear",
        description="Fully connected layer: multiplies by a weight matrix and adds a bias.",
        params=(
            P("in_features", "int", 20, minimum=1, required=True, auto="shape[-1]",
              help="Size of each input sample (the last dimension)."),
            P("out_features", "int", 10, minimum=1, required=True, help="Size of each output sample."),
            _BIAS,
        ),
        param_count="in_features * out_features + (out_features if bias else 0)",
        count_text="in_features × out_features + out_features (bias)",
        shape="linear", label="{in_features} → {out_features}", example_input="(1, in_features)",
    ),
    LayerKind(name="Identity", category="Linear", description="Passes its input through unchanged.",
              shape="identity"),
    # Convolution
    _conv(1), _conv(2), _conv(3), _conv(1, transposed=True), _conv(2, transposed=True),
    # Pooling
    _maxpool(1), _maxpool(2), _avgpool(1), _avgpool(2),
    _adaptive("Avg", 1), _adaptive("Avg", 2), _adaptive("Max", 2),
    # Normalization
    _batchnorm(1), _batchnorm(2),
    LayerKind(
        name="LayerNorm", category="Normalization",
        description="Normalizes each sample over its last dimensions, then scales and shifts.",
        params=(
            P("normalized_shape", "shape", (10,), minimum=1, required=True, auto="(shape[-1],)",
              help="The trailing dimensions to normalize over."),
            _EPS,
            P("elementwise_affine", "bool", True, help="Learn a scale and shift per element."),
            P("bias", "bool", True, read="has('bias') or not attr('elementwise_affine')",
              help="Learn the shift (only with elementwise_affine=True)."),
        ),
        param_count="prod(ntuple(normalized_shape, 1)) * ((1 if elementwise_affine else 0)"
        " + (1 if elementwise_affine and bias else 0))",
        shape="layernorm", label="{normalized_shape}",
        count_text="2 × prod(normalized_shape) (γ and β; fewer without affine or bias)",
        example_input="(1,) + ntuple(normalized_shape, 1)",
    ),
    LayerKind(
        name="GroupNorm", category="Normalization",
        description="Normalizes groups of channels within each sample.",
        params=(
            P("num_groups", "int", 4, minimum=1, required=True, help="Number of channel groups."),
            P("num_channels", "int", 16, minimum=1, required=True, auto="shape[1]",
              help="Channels of the input (dimension 1)."),
            _EPS,
            P("affine", "bool", True, help="Learn a scale and shift per channel."),
            _NORM_BIAS,
        ),
        param_count="(num_channels if affine else 0) + (num_channels if affine and bias else 0)",
        shape="groupnorm", label="{num_groups} groups of {num_channels}",
        constraints=(Constraint("num_channels % num_groups == 0",
                                say("{name} must be divisible by {by}", name="num_channels", by="num_groups"),
                                "num_groups"),),
        example_input="(1, num_channels, 28, 28)",
    ),
    LayerKind(
        name="InstanceNorm2d", category="Normalization",
        description="Normalizes each channel of each image on its own (style transfer's favourite).",
        params=(
            P("num_features", "int", 16, minimum=1, required=True, auto="shape[-3]",
              help="Channels of the input."),
            _EPS,
            P("momentum", "float", 0.1, minimum=0, maximum=1, nullable=True,
              help="Weight of each new batch in the running statistics."),
            P("affine", "bool", False, help="Learn a scale and shift per channel."),
            P("track_running_stats", "bool", False, help="Keep running statistics for evaluation."),
            _NORM_BIAS,
        ),
        param_count="(num_features if affine else 0) + (num_features if affine and bias else 0)",
        shape="instancenorm", shape_args={"dims": 2}, label="{num_features}",
        example_input="(1, num_features, 28, 28)",
    ),
    # Dropout
    LayerKind(name="Dropout", category="Dropout",
              description="Zeroes each element with probability p while training, scaling the rest up.",
              params=(_PROB, _INPLACE), label="p={p}"),
    LayerKind(name="Dropout2d", category="Dropout",
              description="Zeroes whole channels with probability p while training.",
              params=(_PROB, _INPLACE), label="p={p}", shape="channel_dropout"),
    LayerKind(name="AlphaDropout", category="Dropout",
              description="Dropout that keeps SELU's mean and variance.",
              params=(_PROB, _INPLACE), label="p={p}"),
    # Activation
    _activation("ReLU", "max(0, x): keeps positives, zeroes negatives.", _INPLACE),
    _activation("ReLU6", "min(max(0, x), 6): ReLU capped at 6.", _INPLACE),
    _activation("LeakyReLU", "x for positives, a small slope times x for negatives.",
                P("negative_slope", "float", 0.01, help="Slope for negative inputs."), _INPLACE,
                label="slope {negative_slope}"),
    LayerKind(
        name="PReLU", category="Activation",
        description="LeakyReLU whose negative slope is learned.",
        params=(P("num_parameters", "int", 1, minimum=1,
                  help="1 shared slope, or one per channel (dimension 1)."),
                P("init", "float", 0.25, help="Initial slope.")),
        param_count="num_parameters", shape="prelu", label="{num_parameters} slope(s)",
    ),
    _activation("ELU", "x for positives, α(eˣ − 1) for negatives.",
                P("alpha", "float", 1.0, help="Saturation value for negatives."), _INPLACE, label="α={alpha}"),
    _activation("SELU", "Scaled ELU that keeps activations self-normalizing.", _INPLACE),
    _activation("GELU", "x·Φ(x): the smooth ReLU of transformers.",
                P("approximate", "choice", "none", choices=("none", "tanh"),
                  help="'tanh' uses a faster approximation.")),
    _activation("SiLU", "x·sigmoid(x), also called swish.", _INPLACE),
    _activation("Mish", "x·tanh(softplus(x)).", _INPLACE),
    _activation("Sigmoid", "1 / (1 + e⁻ˣ): squashes to (0, 1)."),
    _activation("Tanh", "Hyperbolic tangent: squashes to (−1, 1)."),
    LayerKind(name="Softmax", category="Activation",
              description="Turns scores along one dimension into probabilities that sum to 1.",
              params=(P("dim", "int", -1, nullable=True, help="The dimension that sums to 1."),),
              shape="softmax", label="dim={dim}"),
    LayerKind(name="LogSoftmax", category="Activation",
              description="log(softmax(x)), numerically stable; pairs with NLLLoss.",
              params=(P("dim", "int", -1, nullable=True, help="The dimension to normalize."),),
              shape="softmax", label="dim={dim}"),
    _activation("Softplus", "log(1 + e^{βx}) / β: a smooth ReLU.",
                P("beta", "float", 1.0, minimum=0, min_exclusive=True, help="Sharpness β."),
                P("threshold", "float", 20.0, help="Above βx > threshold it is linear."), label="β={beta}"),
    LayerKind(name="Hardtanh", category="Activation",
              description="Clamps to [min_val, max_val].",
              params=(P("min_val", "float", -1.0, help="Lower clamp."),
                      P("max_val", "float", 1.0, help="Upper clamp."), _INPLACE),
              constraints=(Constraint("max_val > min_val", say("max_val must be greater than min_val"), "max_val"),),
              label="[{min_val}, {max_val}]"),
    _activation("Hardswish", "x·ReLU6(x + 3)/6: a cheap swish.", _INPLACE),
    # Shape
    LayerKind(name="Flatten", category="Shape",
              description="Flattens a range of dimensions into one, e.g. (N, 64, 7, 7) → (N, 3136).",
              params=(P("start_dim", "int", 1, help="First dimension to flatten."),
                      P("end_dim", "int", -1, help="Last dimension to flatten.")),
              shape="flatten", label="dims {start_dim} to {end_dim}"),
    LayerKind(name="Unflatten", category="Shape",
              description="Splits one dimension into several, e.g. (N, 784) → (N, 1, 28, 28).",
              params=(P("dim", "int", 1, required=True, help="The dimension to split."),
                      P("unflattened_size", "shape", (1, 28, 28), minimum=1, required=True,
                        help="The sizes it is split into.")),
              shape="unflatten", label="dim {dim} → {unflattened_size}"),
    # Embedding
    LayerKind(
        name="Embedding", category="Embedding",
        description="A lookup table: maps each integer token id to a learned vector.",
        params=(
            P("num_embeddings", "int", 1000, minimum=1, required=True, help="Size of the vocabulary."),
            P("embedding_dim", "int", 32, minimum=1, required=True, help="Length of each vector."),
            P("padding_idx", "int", None, nullable=True,
              help="A token id whose vector stays zero and gets no gradient."),
            P("max_norm", "float", None, minimum=0, min_exclusive=True, nullable=True,
              help="Renormalize looked-up vectors longer than this."),
            P("norm_type", "float", 2.0, minimum=0, min_exclusive=True, help="The p of the p-norm for max_norm."),
            P("scale_grad_by_freq", "bool", False, help="Scale gradients by inverse token frequency."),
            P("sparse", "bool", False, help="Produce sparse gradients."),
        ),
        param_count="num_embeddings * embedding_dim", shape="embedding",
        label="{num_embeddings} × {embedding_dim}",
        constraints=(Constraint("padding_idx is None or -num_embeddings <= padding_idx < num_embeddings",
                                say("padding_idx must be a valid token id (below num_embeddings)"), "padding_idx"),),
        example_input="(1, 16)", input_dtype="long",
    ),
    # Transformer
    LayerKind(
        name="TransformerEncoderLayer", category="Transformer",
        description="Self-attention followed by a feed-forward network, each with a residual connection.",
        params=(
            P("d_model", "int", 64, minimum=1, required=True, auto="shape[-1]", read="attr('self_attn.embed_dim')",
              help="Features per token (the last dimension)."),
            P("nhead", "int", 4, minimum=1, required=True, read="attr('self_attn.num_heads')",
              help="Number of attention heads; must divide d_model."),
            P("dim_feedforward", "int", 2048, minimum=1, read="attr('linear1.out_features')",
              help="Hidden size of the feed-forward network."),
            P("dropout", "float", 0.1, minimum=0, maximum=1, read="attr('dropout.p')", help="Dropout probability."),
            P("activation", "choice", "relu", choices=("relu", "gelu"),
              read="'gelu' if attr('activation_relu_or_gelu') == 2 else 'relu'",
              help="Activation of the feed-forward network."),
            P("layer_norm_eps", "float", 1e-5, minimum=0, min_exclusive=True, read="attr('norm1.eps')",
              help="eps of the two LayerNorms."),
            P("batch_first", "bool", True, read="attr('self_attn.batch_first')",
              help="Inputs are (batch, sequence, features) when True."),
            P("norm_first", "bool", False, help="Normalize before attention and feed-forward (pre-LN)."),
            P("bias", "bool", True, read="has('linear1.bias')", help="Learn biases in linear layers and norms."),
        ),
        param_count="4 * d_model * d_model + 2 * d_model * dim_feedforward"
        " + (9 * d_model + dim_feedforward if bias else 2 * d_model)",
        shape="transformer", label="d={d_model}, {nhead} heads",
        count_text="4·d² + 2·d·ff + 9·d + ff with biases (d = d_model, ff = dim_feedforward)",
        constraints=(Constraint("d_model % nhead == 0",
                                say("{name} must be divisible by {by}", name="d_model", by="nhead"), "nhead"),),
        example_input="(1, 16, d_model)",
    ),
)
