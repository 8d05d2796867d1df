<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutLayerPanel</name>
    <message>
        <source>About this layer</source>
        <translation>关于这个层</translation>
    </message>
    <message>
        <source>Select a block on the canvas to read what its layer does, what each hyperparameter means, and how its parameters are counted.</source>
        <translation>在画布上选中一个块，就能看到它的层做什么、每个超参数的含义，以及参数是怎样计算的。</translation>
    </message>
    <message>
        <source>About {name}</source>
        <translation>关于 {name}</translation>
    </message>
    <message>
        <source>The numbers are those of block {path}; {count} more selected.</source>
        <translation>这里的数字来自块 {path}；另外还选中了 {count} 个。</translation>
    </message>
    <message>
        <source>{name} in the PyTorch documentation</source>
        <translation>PyTorch 文档中的 {name}</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>None: {name}() takes no arguments that change what it computes.</source>
        <translation>没有：{name}() 不接受会改变计算结果的参数。</translation>
    </message>
    <message>
        <source>(auto: follows the input)</source>
        <translation>（auto：跟随输入）</translation>
    </message>
    <message>
        <source>Parameters: {count}</source>
        <translation>参数：{count}</translation>
    </message>
    <message>
        <source>This layer learns nothing: it has no parameters.</source>
        <translation>这个层不学习任何东西：它没有参数。</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>还有 {count} 个</translation>
    </message>
    <message>
        <source>An nn.Parameter is a tensor registered on the module: parameters() lists it, an optimizer trains it (while requires_grad is True) and state_dict() saves it. A plain tensor stored as an attribute is none of these.</source>
        <translation>nn.Parameter 是注册在模块上的张量：parameters() 会列出它，优化器会训练它（只要 requires_grad 为 True），state_dict() 会保存它。作为普通属性保存的张量，这些都不会发生。</translation>
    </message>
    <message>
        <source>A buffer (register_buffer) is saved in state_dict() and moves with .to(device), but no optimizer trains it: BatchNorm&apos;s running statistics are buffers.</source>
        <translation>缓冲区（register_buffer）会保存在 state_dict() 中，也会随 .to(device) 一起移动，但优化器从不训练它：BatchNorm 的滑动统计量就是缓冲区。</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Train and eval mode: in train mode (model.train()) it zeroes random elements and scales the rest up; in eval mode (model.eval()) it passes the input through unchanged.</source>
        <translation>训练模式与评估模式：在训练模式（model.train()）下，它随机把元素置零并放大其余元素；在评估模式（model.eval()）下，它原样输出输入。</translation>
    </message>
    <message>
        <source>Train and eval mode: in train mode it normalizes with each batch&apos;s statistics and updates its running statistics; in eval mode it uses the running statistics and leaves them as they are.</source>
        <translation>训练模式与评估模式：在训练模式下，它用每个批次的统计量做归一化，并更新滑动统计量；在评估模式下，它使用滑动统计量，并保持它们不变。</translation>
    </message>
    <message>
        <source>Your own block: a model class of your own, made of {count} layers.</source>
        <translation>你自己的块：一个你自己的模型类，由 {count} 个层组成。</translation>
    </message>
    <message>
        <source>Your own layer: forward(x) returns {forward}.</source>
        <translation>你自己的层：forward(x) 返回 {forward}。</translation>
    </message>
    <message>
        <source>an argument of {name}(…), as its definition names it</source>
        <translation>{name}(…) 的一个参数，名字来自它的定义</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>{name}, autosaved at an unknown time</source>
        <translation>{name}，自动保存时间未知</translation>
    </message>
    <message>
        <source>{name}, autosaved {when}</source>
        <translation>{name}，自动保存于 {when}</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>一个未命名的项目</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
</context>
<context>
    <name>BlockDefinitionDialog</name>
    <message>
        <source>(empty: the children in order, as nn.Sequential does; or e.g. out(relu(hidden(x))))</source>
        <translation>（留空：按顺序调用子层，和 nn.Sequential 一样；或者写成 out(relu(hidden(x)))）</translation>
    </message>
    <message>
        <source>A block needs at least one child.</source>
        <translation>一个块至少需要一个子层。</translation>
    </message>
    <message>
        <source>An input of shape {shape} does not fit: {reason}</source>
        <translation>形状为 {shape} 的输入不合适：{reason}</translation>
    </message>
    <message>
        <source>As PyTorch code (what File → Export Python Code writes):</source>
        <translation>对应的 PyTorch 代码（“文件 → 导出 Python 代码”写出的内容）：</translation>
    </message>
    <message>
        <source>Built in this order in __init__: a kind from the palette (Linear, ReLU, …, or one of My blocks) and its arguments by name, over the hyperparameters: in_features=n_in.</source>
        <translation>在 __init__ 中按这个顺序创建：种类取自层面板（Linear、ReLU……或“我的积木”中的一个），参数按名字写，用超参数表示：in_features=n_in。</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子层</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>One undoable step; every block of this kind follows the edit</source>
        <translation>一步可撤销的操作；这个种类的每个块都会跟着改变</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Row {row}: give the child a name and a kind, e.g. hidden and Linear.</source>
        <translation>第 {row} 行：给子层一个名字和一个种类，例如 hidden 和 Linear。</translation>
    </message>
    <message>
        <source>Row {row}: give the hyperparameter a name and a default value.</source>
        <translation>第 {row} 行：给超参数一个名字和一个默认值。</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Save to my library (for every project)</source>
        <translation>保存到我的库（所有项目都能用）</translation>
    </message>
    <message>
        <source>The arguments of __init__; each block of this kind has its own values.</source>
        <translation>__init__ 的参数；这个种类的每个块都有自己的取值。</translation>
    </message>
    <message>
        <source>The preview appears once the block is valid.</source>
        <translation>块的定义有效后，这里会显示预览。</translation>
    </message>
    <message>
        <source>There is no layer kind {name}: use a kind from the palette.</source>
        <translation>没有名为 {name} 的层种类：请使用层面板中的种类。</translation>
    </message>
    <message>
        <source>Update it in my library too</source>
        <translation>同时更新我的库中的副本</translation>
    </message>
    <message>
        <source>With these defaults: {reason}</source>
        <translation>用这些默认值时：{reason}</translation>
    </message>
    <message>
        <source>Write the input shape as positive integers, e.g. (3, 784).</source>
        <translation>请把输入形状写成正整数，例如 (3, 784)。</translation>
    </message>
    <message>
        <source>{name} = {text}: a default is an integer, a number or True/False.</source>
        <translation>{name} = {text}：默认值必须是整数、数字或 True/False。</translation>
    </message>
    <message>
        <source>{name}{arguments} turns {shape_in} into {shape_out}.</source>
        <translation>{name}{arguments} 把 {shape_in} 变成 {shape_out}。</translation>
    </message>
    <message>
        <source>forward(x) returns:</source>
        <translation>forward(x) 返回：</translation>
    </message>
    <message>
        <source>The class appears here once the block is valid.</source>
        <translation>块的定义有效后，这里会显示对应的类。</translation>
    </message>
    <message>
        <source>optional: what it does, in a few words</source>
        <translation>可选：用几个字说明它做什么</translation>
    </message>
</context>
<context>
    <name>BlockItem</name>
    <message>
        <source>auto {names}</source>
        <translation>auto {names}</translation>
    </message>
    <message>
        <source>eval mode</source>
        <translation>评估模式</translation>
    </message>
    <message>
        <source>Shape error:</source>
        <translation>形状错误：</translation>
    </message>
    <message>
        <source>Gets {shape}; expects {expected}.</source>
        <translation>收到 {shape}；需要 {expected}。</translation>
    </message>
    <message>
        <source>shape error</source>
        <translation>形状错误</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>修复：{fix}</translation>
    </message>
    <message>
        <source>Apply the suggested fix: {fix}</source>
        <translation>应用建议的修复：{fix}</translation>
    </message>
</context>
<context>
    <name>CanvasScene</name>
    <message>
        <source>input: shape not set</source>
        <translation>输入：未设置形状</translation>
    </message>
    <message>
        <source>input {shape} (token ids)</source>
        <translation>输入 {shape}（词元 id）</translation>
    </message>
    <message>
        <source>input {shape}</source>
        <translation>输入 {shape}</translation>
    </message>
    <message>
        <source>inferred from the first layer</source>
        <translation>根据第一层推断</translation>
    </message>
    <message>
        <source>set an input shape in the toolbar</source>
        <translation>请在工具栏中设置输入形状</translation>
    </message>
    <message>
        <source>fresh copy of a deleted block</source>
        <translation>已删除块的新副本</translation>
    </message>
    <message>
        <source>copy of a deleted block</source>
        <translation>已删除块的副本</translation>
    </message>
    <message>
        <source>fresh copy of block {path}</source>
        <translation>块 {path} 的新副本</translation>
    </message>
    <message>
        <source>copy of block {path}</source>
        <translation>块 {path} 的副本</translation>
    </message>
    <message>
        <source>output: unknown</source>
        <translation>输出：未知</translation>
    </message>
    <message>
        <source>fix the shape error at block {path} first</source>
        <translation>请先修复块 {path} 的形状错误</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>output {shape}</source>
        <translation>输出 {shape}</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>Replace with {kind}</source>
        <translation>替换为 {kind}</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Fully connected layers: y = xWᵀ + b.</source>
        <translation>全连接层：y = xWᵀ + b。</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Sliding filters over 1-d, 2-d or 3-d inputs.</source>
        <translation>在一维、二维或三维输入上滑动的滤波器。</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Downsample by taking maxima or averages.</source>
        <translation>取最大值或平均值来降采样。</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Rescale activations to a steady range.</source>
        <translation>把激活值缩放到稳定的范围。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Randomly zero activations while training.</source>
        <translation>训练时随机把激活值置零。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Element-wise non-linearities.</source>
        <translation>逐元素的非线性函数。</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Reshape the tensor without learning anything.</source>
        <translation>改变张量的形状，不学习任何参数。</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Look up a learned vector for each token id.</source>
        <translation>为每个词元 id 查出一个学到的向量。</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Self-attention blocks.</source>
        <translation>自注意力模块。</translation>
    </message>
    <message>
        <source>Fully connected layer: multiplies by a weight matrix and adds a bias.</source>
        <translation>全连接层：乘以权重矩阵，再加上偏置。</translation>
    </message>
    <message>
        <source>in_features × out_features + out_features (bias)</source>
        <translation>in_features × out_features + out_features（偏置）</translation>
    </message>
    <message>
        <source>Size of each input sample (the last dimension).</source>
        <translation>每个输入样本的大小（最后一维）。</translation>
    </message>
    <message>
        <source>Size of each output sample.</source>
        <translation>每个输出样本的大小。</translation>
    </message>
    <message>
        <source>Learn an additive bias.</source>
        <translation>学习一个加性偏置。</translation>
    </message>
    <message>
        <source>Passes its input through unchanged.</source>
        <translation>原样输出它的输入。</translation>
    </message>
    <message>
        <source>1-d convolution: slides learned filters over the length.</source>
        <translation>一维卷积：让学到的滤波器沿长度方向滑动。</translation>
    </message>
    <message>
        <source>out_channels × in_channels ÷ groups × k + out_channels (bias)</source>
        <translation>out_channels × in_channels ÷ groups × k + out_channels（偏置）</translation>
    </message>
    <message>
        <source>Channels of the input (dimension 1 of a batch).</source>
        <translation>输入的通道数（批次的第 1 维）。</translation>
    </message>
    <message>
        <source>Number of learned filters.</source>
        <translation>要学习的滤波器个数。</translation>
    </message>
    <message>
        <source>Size of each filter.</source>
        <translation>每个滤波器的大小。</translation>
    </message>
    <message>
        <source>Step between filter positions.</source>
        <translation>滤波器每次移动的步长。</translation>
    </message>
    <message>
        <source>Zero padding added on each side (&apos;same&apos; keeps the size).</source>
        <translation>在每一侧补零的数量（&apos;same&apos; 保持尺寸不变）。</translation>
    </message>
    <message>
        <source>Spacing between filter taps.</source>
        <translation>滤波器各采样点之间的间距。</translation>
    </message>
    <message>
        <source>Split channels into independent groups.</source>
        <translation>把通道分成相互独立的组。</translation>
    </message>
    <message>
        <source>How the border is padded.</source>
        <translation>边界的填充方式。</translation>
    </message>
    <message>
        <source>2-d convolution: slides learned filters over the height and width.</source>
        <translation>二维卷积：让学到的滤波器在高和宽上滑动。</translation>
    </message>
    <message>
        <source>out_channels × in_channels ÷ groups × kh × kw + out_channels (bias)</source>
        <translation>out_channels × in_channels ÷ groups × kh × kw + out_channels（偏置）</translation>
    </message>
    <message>
        <source>3-d convolution: slides learned filters over the depth, height and width.</source>
        <translation>三维卷积：让学到的滤波器在深度、高和宽上滑动。</translation>
    </message>
    <message>
        <source>out_channels × in_channels ÷ groups × kd × kh × kw + out_channels (bias)</source>
        <translation>out_channels × in_channels ÷ groups × kd × kh × kw + out_channels（偏置）</translation>
    </message>
    <message>
        <source>Transposed 1-d convolution: upsamples the length with learned filters.</source>
        <translation>一维转置卷积：用学到的滤波器在长度方向上采样。</translation>
    </message>
    <message>
        <source>in_channels × out_channels ÷ groups × k + out_channels (bias)</source>
        <translation>in_channels × out_channels ÷ groups × k + out_channels（偏置）</translation>
    </message>
    <message>
        <source>Implicit zero padding removed from the output.</source>
        <translation>从输出中去掉的隐式零填充。</translation>
    </message>
    <message>
        <source>Extra size added to one side of the output.</source>
        <translation>在输出一侧额外增加的尺寸。</translation>
    </message>
    <message>
        <source>Transposed convolutions only pad with zeros.</source>
        <translation>转置卷积只能用零填充。</translation>
    </message>
    <message>
        <source>Transposed 2-d convolution: upsamples the height and width with learned filters.</source>
        <translation>二维转置卷积：用学到的滤波器在高和宽上采样。</translation>
    </message>
    <message>
        <source>in_channels × out_channels ÷ groups × kh × kw + out_channels (bias)</source>
        <translation>in_channels × out_channels ÷ groups × kh × kw + out_channels（偏置）</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window over the length.</source>
        <translation>沿长度方向，在每个窗口里保留最大值。</translation>
    </message>
    <message>
        <source>Window size.</source>
        <translation>窗口大小。</translation>
    </message>
    <message>
        <source>Step between windows (None: the kernel size).</source>
        <translation>窗口之间的步长（None 表示等于窗口大小）。</translation>
    </message>
    <message>
        <source>Implicit -∞ padding on each side.</source>
        <translation>在每一侧隐式填充 -∞。</translation>
    </message>
    <message>
        <source>Spacing between window elements.</source>
        <translation>窗口内各元素之间的间距。</translation>
    </message>
    <message>
        <source>Must stay False: a Sequential passes one tensor from layer to layer.</source>
        <translation>必须保持 False：Sequential 在层与层之间只传递一个张量。</translation>
    </message>
    <message>
        <source>Round the output size up instead of down.</source>
        <translation>输出尺寸向上取整，而不是向下取整。</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window over the height and width.</source>
        <translation>在高和宽上，在每个窗口里保留最大值。</translation>
    </message>
    <message>
        <source>Averages each window over the length.</source>
        <translation>沿长度方向，对每个窗口取平均。</translation>
    </message>
    <message>
        <source>Implicit zero padding on each side.</source>
        <translation>在每一侧隐式补零。</translation>
    </message>
    <message>
        <source>Count padded zeros in the average.</source>
        <translation>计算平均值时把补的零也算进去。</translation>
    </message>
    <message>
        <source>Averages each window over the height and width.</source>
        <translation>在高和宽上，对每个窗口取平均。</translation>
    </message>
    <message>
        <source>Divide by this instead of the window size.</source>
        <translation>用这个数代替窗口大小作除数。</translation>
    </message>
    <message>
        <source>Takes the average over windows sized to give a fixed output size.</source>
        <translation>窗口大小自动调整以得到固定的输出尺寸，在每个窗口上取平均。</translation>
    </message>
    <message>
        <source>Output size; the window adapts to the input.</source>
        <translation>输出尺寸；窗口会随输入自动调整。</translation>
    </message>
    <message>
        <source>Takes the largest value over windows sized to give a fixed output size.</source>
        <translation>窗口大小自动调整以得到固定的输出尺寸，在每个窗口上取最大值。</translation>
    </message>
    <message>
        <source>Normalizes each channel over the batch, then scales and shifts it.</source>
        <translation>在整个批次上对每个通道做归一化，然后缩放和平移。</translation>
    </message>
    <message>
        <source>2 × num_features (γ and β) when affine</source>
        <translation>affine 时为 2 × num_features（γ 和 β）</translation>
    </message>
    <message>
        <source>Channels of the input (dimension 1).</source>
        <translation>输入的通道数（第 1 维）。</translation>
    </message>
    <message>
        <source>Added to the variance so it never divides by zero.</source>
        <translation>加到方差上，避免除以零。</translation>
    </message>
    <message>
        <source>Weight of each new batch in the running statistics (None: a plain average).</source>
        <translation>每个新批次在滑动统计量中所占的权重（None 表示简单平均）。</translation>
    </message>
    <message>
        <source>Learn a scale γ and shift β per channel.</source>
        <translation>为每个通道学习缩放 γ 和平移 β。</translation>
    </message>
    <message>
        <source>Keep running mean and variance buffers for evaluation.</source>
        <translation>保存滑动均值和方差缓冲区，供评估时使用。</translation>
    </message>
    <message>
        <source>Learn the shift β (only with affine=True).</source>
        <translation>学习平移 β（仅当 affine=True 时）。</translation>
    </message>
    <message>
        <source>Normalizes each sample over its last dimensions, then scales and shifts.</source>
        <translation>在每个样本的最后几维上做归一化，然后缩放和平移。</translation>
    </message>
    <message>
        <source>2 × prod(normalized_shape) (γ and β; fewer without affine or bias)</source>
        <translation>2 × prod(normalized_shape)（γ 和 β；不用 affine 或 bias 时更少）</translation>
    </message>
    <message>
        <source>The trailing dimensions to normalize over.</source>
        <translation>要归一化的末尾几维。</translation>
    </message>
    <message>
        <source>Learn a scale and shift per element.</source>
        <translation>为每个元素学习缩放和平移。</translation>
    </message>
    <message>
        <source>Learn the shift (only with elementwise_affine=True).</source>
        <translation>学习平移（仅当 elementwise_affine=True 时）。</translation>
    </message>
    <message>
        <source>Normalizes groups of channels within each sample.</source>
        <translation>在每个样本内按通道分组做归一化。</translation>
    </message>
    <message>
        <source>Number of channel groups.</source>
        <translation>通道分组的数量。</translation>
    </message>
    <message>
        <source>Learn a scale and shift per channel.</source>
        <translation>为每个通道学习缩放和平移。</translation>
    </message>
    <message>
        <source>Normalizes each channel of each image on its own (style transfer&apos;s favourite).</source>
        <translation>对每张图像的每个通道单独做归一化（风格迁移的常用选择）。</translation>
    </message>
    <message>
        <source>Channels of the input.</source>
        <translation>输入的通道数。</translation>
    </message>
    <message>
        <source>Weight of each new batch in the running statistics.</source>
        <translation>每个新批次在滑动统计量中所占的权重。</translation>
    </message>
    <message>
        <source>Keep running statistics for evaluation.</source>
        <translation>保存滑动统计量，供评估时使用。</translation>
    </message>
    <message>
        <source>Zeroes each element with probability p while training, scaling the rest up.</source>
        <translation>训练时以概率 p 把每个元素置零，其余元素相应放大。</translation>
    </message>
    <message>
        <source>Probability of zeroing an element.</source>
        <translation>把一个元素置零的概率。</translation>
    </message>
    <message>
        <source>Overwrite the input instead of allocating the output.</source>
        <translation>直接改写输入，而不是为输出另外分配内存。</translation>
    </message>
    <message>
        <source>Zeroes whole channels with probability p while training.</source>
        <translation>训练时以概率 p 把整个通道置零。</translation>
    </message>
    <message>
        <source>Dropout that keeps SELU&apos;s mean and variance.</source>
        <translation>保持 SELU 均值和方差不变的 Dropout。</translation>
    </message>
    <message>
        <source>max(0, x): keeps positives, zeroes negatives.</source>
        <translation>max(0, x)：保留正数，把负数变为零。</translation>
    </message>
    <message>
        <source>min(max(0, x), 6): ReLU capped at 6.</source>
        <translation>min(max(0, x), 6)：上限为 6 的 ReLU。</translation>
    </message>
    <message>
        <source>x for positives, a small slope times x for negatives.</source>
        <translation>正数时为 x，负数时为一个小斜率乘以 x。</translation>
    </message>
    <message>
        <source>Slope for negative inputs.</source>
        <translation>负输入部分的斜率。</translation>
    </message>
    <message>
        <source>LeakyReLU whose negative slope is learned.</source>
        <translation>负半轴斜率可学习的 LeakyReLU。</translation>
    </message>
    <message>
        <source>1 shared slope, or one per channel (dimension 1).</source>
        <translation>1 表示共享一个斜率，或者每个通道（第 1 维）一个。</translation>
    </message>
    <message>
        <source>Initial slope.</source>
        <translation>初始斜率。</translation>
    </message>
    <message>
        <source>x for positives, α(eˣ − 1) for negatives.</source>
        <translation>正数时为 x，负数时为 α(eˣ − 1)。</translation>
    </message>
    <message>
        <source>Saturation value for negatives.</source>
        <translation>负半轴的饱和值。</translation>
    </message>
    <message>
        <source>Scaled ELU that keeps activations self-normalizing.</source>
        <translation>缩放过的 ELU，使激活值保持自归一化。</translation>
    </message>
    <message>
        <source>x·Φ(x): the smooth ReLU of transformers.</source>
        <translation>x·Φ(x)：Transformer 里常用的平滑 ReLU。</translation>
    </message>
    <message>
        <source>&apos;tanh&apos; uses a faster approximation.</source>
        <translation>&apos;tanh&apos; 表示使用更快的近似计算。</translation>
    </message>
    <message>
        <source>x·sigmoid(x), also called swish.</source>
        <translation>x·sigmoid(x)，也叫 swish。</translation>
    </message>
    <message>
        <source>x·tanh(softplus(x)).</source>
        <translation>x·tanh(softplus(x))。</translation>
    </message>
    <message>
        <source>1 / (1 + e⁻ˣ): squashes to (0, 1).</source>
        <translation>1 / (1 + e⁻ˣ)：把值压缩到 (0, 1)。</translation>
    </message>
    <message>
        <source>Hyperbolic tangent: squashes to (−1, 1).</source>
        <translation>双曲正切：把值压缩到 (−1, 1)。</translation>
    </message>
    <message>
        <source>Turns scores along one dimension into probabilities that sum to 1.</source>
        <translation>把某一维上的分数变成和为 1 的概率。</translation>
    </message>
    <message>
        <source>The dimension that sums to 1.</source>
        <translation>和为 1 的那一维。</translation>
    </message>
    <message>
        <source>log(softmax(x)), numerically stable; pairs with NLLLoss.</source>
        <translation>log(softmax(x))，数值上更稳定；常与 NLLLoss 搭配使用。</translation>
    </message>
    <message>
        <source>The dimension to normalize.</source>
        <translation>要归一化的那一维。</translation>
    </message>
    <message>
        <source>log(1 + e^{βx}) / β: a smooth ReLU.</source>
        <translation>log(1 + e^{βx}) / β：一种平滑的 ReLU。</translation>
    </message>
    <message>
        <source>Sharpness β.</source>
        <translation>锐度 β。</translation>
    </message>
    <message>
        <source>Above βx &gt; threshold it is linear.</source>
        <translation>当 βx &gt; threshold 时按线性计算。</translation>
    </message>
    <message>
        <source>Clamps to [min_val, max_val].</source>
        <translation>把值截断到 [min_val, max_val]。</translation>
    </message>
    <message>
        <source>Lower clamp.</source>
        <translation>下限。</translation>
    </message>
    <message>
        <source>Upper clamp.</source>
        <translation>上限。</translation>
    </message>
    <message>
        <source>x·ReLU6(x + 3)/6: a cheap swish.</source>
        <translation>x·ReLU6(x + 3)/6：计算代价低的 swish。</translation>
    </message>
    <message>
        <source>Flattens a range of dimensions into one, e.g. (N, 64, 7, 7) → (N, 3136).</source>
        <translation>把连续的若干维展平成一维，例如 (N, 64, 7, 7) → (N, 3136)。</translation>
    </message>
    <message>
        <source>First dimension to flatten.</source>
        <translation>要展平的第一维。</translation>
    </message>
    <message>
        <source>Last dimension to flatten.</source>
        <translation>要展平的最后一维。</translation>
    </message>
    <message>
        <source>Splits one dimension into several, e.g. (N, 784) → (N, 1, 28, 28).</source>
        <translation>把一维拆成多维，例如 (N, 784) → (N, 1, 28, 28)。</translation>
    </message>
    <message>
        <source>The dimension to split.</source>
        <translation>要拆分的那一维。</translation>
    </message>
    <message>
        <source>The sizes it is split into.</source>
        <translation>拆分后的各维大小。</translation>
    </message>
    <message>
        <source>A lookup table: maps each integer token id to a learned vector.</source>
        <translation>一张查找表：把每个整数词元 id 映射到一个学到的向量。</translation>
    </message>
    <message>
        <source>Size of the vocabulary.</source>
        <translation>词表大小。</translation>
    </message>
    <message>
        <source>Length of each vector.</source>
        <translation>每个向量的长度。</translation>
    </message>
    <message>
        <source>A token id whose vector stays zero and gets no gradient.</source>
        <translation>一个特殊的词元 id：它的向量始终为零，也不接收梯度。</translation>
    </message>
    <message>
        <source>Renormalize looked-up vectors longer than this.</source>
        <translation>查出的向量长度超过这个值时重新归一化。</translation>
    </message>
    <message>
        <source>The p of the p-norm for max_norm.</source>
        <translation>max_norm 所用 p-范数中的 p。</translation>
    </message>
    <message>
        <source>Scale gradients by inverse token frequency.</source>
        <translation>按词元频率的倒数缩放梯度。</translation>
    </message>
    <message>
        <source>Produce sparse gradients.</source>
        <translation>产生稀疏梯度。</translation>
    </message>
    <message>
        <source>Self-attention followed by a feed-forward network, each with a residual connection.</source>
        <translation>先做自注意力，再接前馈网络，两者都带残差连接。</translation>
    </message>
    <message>
        <source>4·d² + 2·d·ff + 9·d + ff with biases (d = d_model, ff = dim_feedforward)</source>
        <translation>带偏置时为 4·d² + 2·d·ff + 9·d + ff（d = d_model，ff = dim_feedforward）</translation>
    </message>
    <message>
        <source>Features per token (the last dimension).</source>
        <translation>每个词元的特征数（最后一维）。</translation>
    </message>
    <message>
        <source>Number of attention heads; must divide d_model.</source>
        <translation>注意力头的个数；必须能整除 d_model。</translation>
    </message>
    <message>
        <source>Hidden size of the feed-forward network.</source>
        <translation>前馈网络的隐藏层大小。</translation>
    </message>
    <message>
        <source>Dropout probability.</source>
        <translation>Dropout 概率。</translation>
    </message>
    <message>
        <source>Activation of the feed-forward network.</source>
        <translation>前馈网络的激活函数。</translation>
    </message>
    <message>
        <source>eps of the two LayerNorms.</source>
        <translation>两个 LayerNorm 的 eps。</translation>
    </message>
    <message>
        <source>Inputs are (batch, sequence, features) when True.</source>
        <translation>为 True 时，输入形状是 (批次, 序列, 特征)。</translation>
    </message>
    <message>
        <source>Normalize before attention and feed-forward (pre-LN).</source>
        <translation>在注意力和前馈网络之前做归一化（pre-LN）。</translation>
    </message>
    <message>
        <source>Learn biases in linear layers and norms.</source>
        <translation>在线性层和归一化层中学习偏置。</translation>
    </message>
    <message>
        <source>U(a, b)</source>
        <translation>U(a, b)</translation>
    </message>
    <message>
        <source>lower bound</source>
        <translation>下界</translation>
    </message>
    <message>
        <source>upper bound</source>
        <translation>上界</translation>
    </message>
    <message>
        <source>N(mean, std²)</source>
        <translation>N(mean, std²)</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>N(mean, std²), redrawn until inside [a, b]</source>
        <translation>N(mean, std²)，落在 [a, b] 之外就重新抽取</translation>
    </message>
    <message>
        <source>lowest value</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>highest value</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>every entry = val</source>
        <translation>每个元素 = val</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>要填入的值</translation>
    </message>
    <message>
        <source>every entry = 1</source>
        <translation>每个元素 = 1</translation>
    </message>
    <message>
        <source>every entry = 0</source>
        <translation>每个元素 = 0</translation>
    </message>
    <message>
        <source>the identity matrix (2-D tensors only)</source>
        <translation>单位矩阵（仅限二维张量）</translation>
    </message>
    <message>
        <source>a convolution that passes its input through (3-, 4- or 5-D tensors)</source>
        <translation>原样传递输入的卷积核（三、四或五维张量）</translation>
    </message>
    <message>
        <source>number of groups in the convolution</source>
        <translation>卷积的分组数</translation>
    </message>
    <message>
        <source>U(−b, b), b = gain·√(6 / (fan_in + fan_out))</source>
        <translation>U(−b, b)，b = gain·√(6 / (fan_in + fan_out))</translation>
    </message>
    <message>
        <source>scales the spread; calculate_gain(nonlinearity) suits the activation that follows</source>
        <translation>缩放分布的宽度；calculate_gain(nonlinearity) 会给出适合后面那个激活函数的值</translation>
    </message>
    <message>
        <source>N(0, std²), std = gain·√(2 / (fan_in + fan_out))</source>
        <translation>N(0, std²)，std = gain·√(2 / (fan_in + fan_out))</translation>
    </message>
    <message>
        <source>U(−b, b), b = gain·√(3 / fan)</source>
        <translation>U(−b, b)，b = gain·√(3 / fan)</translation>
    </message>
    <message>
        <source>negative slope of the leaky_relu that follows (only used with leaky_relu)</source>
        <translation>后面那个 leaky_relu 的负半轴斜率（只在 leaky_relu 时使用）</translation>
    </message>
    <message>
        <source>fan_in keeps the forward pass&apos;s variance, fan_out the backward pass&apos;s</source>
        <translation>fan_in 保持前向传播的方差，fan_out 保持反向传播的方差</translation>
    </message>
    <message>
        <source>the activation that follows (for the gain)</source>
        <translation>后面的激活函数（用来计算 gain）</translation>
    </message>
    <message>
        <source>N(0, std²), std = gain / √fan</source>
        <translation>N(0, std²)，std = gain / √fan</translation>
    </message>
    <message>
        <source>a (semi-)orthogonal matrix times gain</source>
        <translation>一个（半）正交矩阵乘以 gain</translation>
    </message>
    <message>
        <source>N(0, std²) with a fraction of each column zeroed (2-D tensors only)</source>
        <translation>N(0, std²)，每列有一部分元素置零（仅限二维张量）</translation>
    </message>
    <message>
        <source>fraction of each column set to zero</source>
        <translation>每列中置零元素的比例</translation>
    </message>
    <message>
        <source>standard deviation of the non-zero entries</source>
        <translation>非零元素的标准差</translation>
    </message>
    <message>
        <source>model.state_dict() is what torch.save stores: one entry per parameter and per persistent buffer, under every name that reaches it. It differs from model.parameters() in two ways. Buffers (like BatchNorm&apos;s running_mean) are in the state_dict but are not parameters, so an optimizer never trains them. And a module used in two places (shared weights) has its tensors in the state_dict once per place, but only once in parameters().</source>
        <translation>model.state_dict() 就是 torch.save 保存的内容：每个参数和每个持久缓冲区各占一项，能访问到它的每个名字都有一项。它和 model.parameters() 有两点不同。缓冲区（例如 BatchNorm 的 running_mean）在 state_dict 里，但不是参数，所以优化器从不训练它们。另外，一个在两处使用的模块（共享权重）的张量在 state_dict 里每处出现一次，在 parameters() 里却只出现一次。</translation>
    </message>
    <message>
        <source>Buffers are tensors a layer keeps next to its parameters, such as BatchNorm&apos;s running_mean, running_var and num_batches_tracked. They change during training (a forward pass in train mode updates them) but no optimizer touches them: they are not parameters. Persistent buffers are saved in the state_dict and restored by load_state_dict; a non-persistent buffer (register_buffer(..., persistent=False)) is not saved.</source>
        <translation>缓冲区是层在参数之外保存的张量，例如 BatchNorm 的 running_mean、running_var 和 num_batches_tracked。它们在训练中会变化（训练模式下的前向传播会更新它们），但优化器从不碰它们：它们不是参数。持久缓冲区会保存在 state_dict 里，并由 load_state_dict 恢复；非持久缓冲区（register_buffer(..., persistent=False)）不会被保存。</translation>
    </message>
    <message>
        <source>A First MLP: Linear, ReLU, Linear</source>
        <translation>第一个 MLP：Linear、ReLU、Linear</translation>
    </message>
    <message>
        <source>Nested Sequentials</source>
        <translation>嵌套的 Sequential</translation>
    </message>
    <message>
        <source>A Small CNN for MNIST</source>
        <translation>用于 MNIST 的小型 CNN</translation>
    </message>
    <message>
        <source>Weight Tying: One Linear Used Twice</source>
        <translation>权重绑定：同一个 Linear 用两次</translation>
    </message>
    <message>
        <source>My blocks</source>
        <translation>我的积木</translation>
    </message>
    <message>
        <source>This tensor is a plain attribute (self.weight = torch.randn(...)), not an nn.Parameter: model.parameters() and model.state_dict() do not see it, so an optimizer never trains it, torch.save(model.state_dict()) does not save it, and model.to(device) does not move it. Wrap it in nn.Parameter (turn on &quot;register as Parameter&quot;) to make it a real parameter.</source>
        <translation>这个张量是一个普通属性（self.weight = torch.randn(...)），不是 nn.Parameter：model.parameters() 和 model.state_dict() 都看不到它，所以优化器从不训练它，torch.save(model.state_dict()) 不会保存它，model.to(device) 也不会移动它。用 nn.Parameter 把它包起来（勾选“注册为 Parameter”），它才是真正的参数。</translation>
    </message>
    <message>
        <source>Your own layers and blocks, defined in this project.</source>
        <translation>你自己的层和块，定义在这个项目中。</translation>
    </message>
</context>
<context>
    <name>CodeActions</name>
    <message>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python 文件 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Python code</source>
        <translation>打开 Python 代码</translation>
    </message>
    <message>
        <source>Export Python code</source>
        <translation>导出 Python 代码</translation>
    </message>
    <message>
        <source>Save the weights too?</source>
        <translation>也保存权重吗？</translation>
    </message>
    <message>
        <source>The weights were edited, trained or loaded, so the code alone rebuilds different values.</source>
        <translation>权重被编辑、训练或加载过，只靠代码会重新生成不同的数值。</translation>
    </message>
    <message>
        <source>Save them as {name} next to the code, and have the code load them?</source>
        <translation>要把它们另存为代码旁边的 {name}，并让代码加载它们吗？</translation>
    </message>
    <message>
        <source>Save weights too</source>
        <translation>同时保存权重</translation>
    </message>
    <message>
        <source>Code only</source>
        <translation>只导出代码</translation>
    </message>
    <message>
        <source>Several models in this code</source>
        <translation>这段代码里有多个模型</translation>
    </message>
    <message>
        <source>This code builds more than one nn.Sequential. Which one should become the design?</source>
        <translation>这段代码构建了不止一个 nn.Sequential。要把哪一个作为设计？</translation>
    </message>
    <message>
        <source>{name} (line {line})</source>
        <translation>{name}（第 {line} 行）</translation>
    </message>
    <message>
        <source>Reading the Python code…</source>
        <translation>正在读取 Python 代码…</translation>
    </message>
    <message>
        <source>Open &amp;Python Code…</source>
        <translation>打开 Python 代码(&amp;P)…</translation>
    </message>
    <message>
        <source>Read an nn.Sequential from a .py file (never run) as a new project</source>
        <translation>从 .py 文件读取一个 nn.Sequential（不会运行代码），作为新项目</translation>
    </message>
    <message>
        <source>Export P&amp;ython Code…</source>
        <translation>导出 Python 代码(&amp;Y)…</translation>
    </message>
    <message>
        <source>Save the design as plain PyTorch code</source>
        <translation>把设计保存为普通的 PyTorch 代码</translation>
    </message>
    <message>
        <source>Could not open {name}</source>
        <translation>无法打开 {name}</translation>
    </message>
    <message>
        <source>Opened the model in {name} as a new project; save it to keep it as a .pt file.</source>
        <translation>已把 {name} 中的模型作为新项目打开；保存后即可留作 .pt 文件。</translation>
    </message>
    <message>
        <source>The code was read, but the design refused it: {reason}</source>
        <translation>代码已读取，但设计拒绝了它：{reason}</translation>
    </message>
    <message>
        <source>Applied the code to the canvas (Undo brings back the previous design).</source>
        <translation>已把代码应用到画布（撤销可恢复之前的设计）。</translation>
    </message>
    <message>
        <source>Could not export the code</source>
        <translation>无法导出代码</translation>
    </message>
    <message>
        <source>Exported the code to {path} and the weights to {weights}.</source>
        <translation>已把代码导出到 {path}，权重导出到 {weights}。</translation>
    </message>
    <message>
        <source>Exported the code to {path}.</source>
        <translation>已把代码导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>The weights were edited, trained or loaded, so building from the seed gives different values. Export .py… can save them alongside.</source>
        <translation>权重被编辑、训练或加载过，所以从种子构建会得到不同的数值。“导出 .py…”可以把权重一并保存。</translation>
    </message>
    <message>
        <source>Save the code as a Python file (and the weights, when they are not the seed&apos;s)</source>
        <translation>把代码保存为 Python 文件（权重不是种子生成的时候，也保存权重）</translation>
    </message>
    <message>
        <source>Export saves the design&apos;s own code: Apply or Cancel your edits first</source>
        <translation>导出保存的是设计本身的代码：请先应用或取消你的编辑</translation>
    </message>
    <message>
        <source>Running this code after torch.manual_seed({seed}) rebuilds exactly the editor&apos;s weights.</source>
        <translation>在 torch.manual_seed({seed}) 之后运行这段代码，会得到与编辑器中完全相同的权重。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>把代码复制到剪贴板</translation>
    </message>
    <message>
        <source>Export .py…</source>
        <translation>导出 .py…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the code or paste your own, then Apply it to the canvas</source>
        <translation>编辑代码或粘贴你自己的代码，然后应用到画布</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Read this code onto the canvas, as one undo step (Ctrl+Enter)</source>
        <translation>把这段代码读到画布上，作为一步可撤销的操作（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Forget these edits and show the live code</source>
        <translation>放弃这些编辑，显示实时代码</translation>
    </message>
    <message>
        <source>The code cannot be generated: {reason}</source>
        <translation>无法生成代码：{reason}</translation>
    </message>
    <message>
        <source>Copied the code to the clipboard.</source>
        <translation>已把代码复制到剪贴板。</translation>
    </message>
    <message>
        <source>Live: follows every change on the canvas.</source>
        <translation>实时：跟随画布上的每一处改动。</translation>
    </message>
    <message>
        <source>The design changed since you began editing. Apply replaces it with this code; Cancel shows the new code.</source>
        <translation>你开始编辑之后设计发生了变化。“应用”会用这段代码替换它；“取消”会显示新的代码。</translation>
    </message>
    <message>
        <source>Editing. Apply builds the weights from the seed; Undo brings back the current ones.</source>
        <translation>编辑中。“应用”会从种子构建权重；撤销可恢复当前的权重。</translation>
    </message>
    <message>
        <source>Editing: change the code or paste your own, then Apply (one undo step).</source>
        <translation>编辑中：修改代码或粘贴你自己的代码，然后应用（一步可撤销）。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>There are no unsaved changes.</source>
        <translation>没有未保存的更改。</translation>
    </message>
    <message>
        <source>Your unsaved work is autosaved.</source>
        <translation>你未保存的工作已自动保存。</translation>
    </message>
    <message>
        <source>Your unsaved work could not be autosaved: save it now.</source>
        <translation>你未保存的工作无法自动保存：请立即保存。</translation>
    </message>
    <message>
        <source>Another unexpected error happened ({count} so far).</source>
        <translation>又发生了一个意外错误（目前共 {count} 个）。</translation>
    </message>
    <message>
        <source>The details are in the log.</source>
        <translation>详细信息在日志里。</translation>
    </message>
    <message>
        <source>Something went wrong in LayerLab before any project was open, so no work is affected.</source>
        <translation>LayerLab 在打开任何项目之前出了问题，所以没有工作受到影响。</translation>
    </message>
    <message>
        <source>Something went wrong in LayerLab. Your work is safe: there were no unsaved changes.</source>
        <translation>LayerLab 出了问题。你的工作是安全的：没有未保存的更改。</translation>
    </message>
    <message>
        <source>Something went wrong in LayerLab. Your work is safe: your unsaved changes were autosaved just now, so even if LayerLab had to close, it would offer them back at the next start.</source>
        <translation>LayerLab 出了问题。你的工作是安全的：未保存的更改刚刚已自动保存，即使 LayerLab 不得不关闭，下次启动时也会提供恢复。</translation>
    </message>
    <message>
        <source>Something went wrong in LayerLab, and your unsaved changes could not be autosaved. Save them now with File → Save As…, under a new name to be safe.</source>
        <translation>LayerLab 出了问题，而且未保存的更改无法自动保存。请立即用“文件 → 另存为…”保存，为了安全起见请换一个新名字。</translation>
    </message>
</context>
<context>
    <name>CustomLayerActions</name>
    <message>
        <source>Could not remove {name} from your library: {reason}</source>
        <translation>无法把 {name} 从你的库中删除：{reason}</translation>
    </message>
    <message>
        <source>Could not save {name} to your library ({folder}): {reason}</source>
        <translation>无法把 {name} 保存到你的库（{folder}）：{reason}</translation>
    </message>
    <message>
        <source>Group {path} is now a {name} block: find {name} under My blocks to add more.</source>
        <translation>组 {path} 现在是一个 {name} 块：在“我的积木”下找到 {name}，可以再添加几个。</translation>
    </message>
    <message>
        <source>La&amp;yer</source>
        <translation>层(&amp;Y)</translation>
    </message>
    <message>
        <source>Make &amp;Reusable Block…</source>
        <translation>做成可复用的块(&amp;R)…</translation>
    </message>
    <message>
        <source>New &amp;Custom Layer…</source>
        <translation>新建自定义层(&amp;C)…</translation>
    </message>
    <message>
        <source>Remove from My Library</source>
        <translation>从我的库中删除</translation>
    </message>
    <message>
        <source>Remove {name} from your library? Projects that use it keep their own copy of its definition.</source>
        <translation>要把 {name} 从你的库中删除吗？用到它的项目会保留自己的那份定义。</translation>
    </message>
    <message>
        <source>Saved {name} to your library: it is under My blocks in every project.</source>
        <translation>已把 {name} 保存到你的库：每个项目的“我的积木”下都有它。</translation>
    </message>
    <message>
        <source>Select one group (a nested Sequential) to make a reusable block of it; Ctrl+G groups the selected blocks.</source>
        <translation>请选中一个组（嵌套的 Sequential），才能把它做成可复用的块；Ctrl+G 可以把选中的块组合起来。</translation>
    </message>
    <message>
        <source>Some files in your library could not be read: {problems}</source>
        <translation>你的库中有些文件无法读取：{problems}</translation>
    </message>
    <message>
        <source>There is no definition called {name} any more.</source>
        <translation>已经没有名为 {name} 的定义了。</translation>
    </message>
    <message>
        <source>Turn the selected group into a block of its own kind, with constructor hyperparameters, like class Net(nn.Module)</source>
        <translation>把选中的组变成一个自成一类的块，带有构造函数的超参数，就像 class Net(nn.Module)</translation>
    </message>
    <message>
        <source>Write a layer of your own: hyperparameters, parameters and what forward(x) returns</source>
        <translation>编写你自己的层：超参数、参数，以及 forward(x) 返回什么</translation>
    </message>
</context>
<context>
    <name>CustomLayerDialog</name>
    <message>
        <source>A sample input: the layer runs on it on the meta device (no memory is used) to find its output shape.</source>
        <translation>一个示例输入：层在 meta 设备上用它运行一次（不占用内存），以求出输出形状。</translation>
    </message>
    <message>
        <source>Add one after the selection</source>
        <translation>在选中内容之后添加一个</translation>
    </message>
    <message>
        <source>An expression over x, the hyperparameters and the parameters: + - * / ** @, comparisons, a if c else b, functions such as relu, sigmoid, softmax(x, dim=1), mean, clamp, and tensor methods such as x.mean(dim=1, keepdim=True), x.view(…), x.shape.</source>
        <translation>一个关于 x、超参数和参数的表达式：+ - * / ** @、比较、a if c else b，以及 relu、sigmoid、softmax(x, dim=1)、mean、clamp 等函数，和 x.mean(dim=1, keepdim=True)、x.view(…)、x.shape 等张量方法。</translation>
    </message>
    <message>
        <source>An input of shape {shape} does not fit: {reason}</source>
        <translation>形状为 {shape} 的输入不合适：{reason}</translation>
    </message>
    <message>
        <source>As PyTorch code (what File → Export Python Code writes):</source>
        <translation>对应的 PyTorch 代码（“文件 → 导出 Python 代码”写出的内容）：</translation>
    </message>
    <message>
        <source>Define</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Give the layer a name, e.g. CenteredLayer or MyLinear.</source>
        <translation>给这个层起个名字，例如 CenteredLayer 或 MyLinear。</translation>
    </message>
    <message>
        <source>Give {name} a default value, e.g. 10.</source>
        <translation>给 {name} 一个默认值，例如 10。</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New custom layer</source>
        <translation>新建自定义层</translation>
    </message>
    <message>
        <source>One undoable step: the layer joins this project and its palette (My blocks)</source>
        <translation>一步可撤销的操作：这个层加入本项目及其层面板（“我的积木”）</translation>
    </message>
    <message>
        <source>One undoable step; every block of this layer follows the edit</source>
        <translation>一步可撤销的操作；这个层的每个块都会跟着改变</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Row {row}: give the hyperparameter a name, e.g. units.</source>
        <translation>第 {row} 行：给超参数起个名字，例如 units。</translation>
    </message>
    <message>
        <source>Row {row}: give the tensor a name, e.g. weight.</source>
        <translation>第 {row} 行：给张量起个名字，例如 weight。</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Save to my library (for every project)</source>
        <translation>保存到我的库（所有项目都能用）</translation>
    </message>
    <message>
        <source>Tensors the layer owns, made in this order (so the same seed gives the same values). Shapes use the hyperparameters: in_units, units.</source>
        <translation>这个层拥有的张量，按这个顺序创建（所以同一个种子得到同样的数值）。形状用超参数来写：in_units, units。</translation>
    </message>
    <message>
        <source>The arguments of __init__, e.g. in_units and units; each block of this layer has its own values. Defaults: integers, numbers or True/False.</source>
        <translation>__init__ 的参数，例如 in_units 和 units；这个层的每个块都有自己的取值。默认值：整数、数字或 True/False。</translation>
    </message>
    <message>
        <source>The name stays while you edit: blocks and code refer to it.</source>
        <translation>编辑时名字保持不变：块和代码都用这个名字引用它。</translation>
    </message>
    <message>
        <source>The preview appears once the layer is valid.</source>
        <translation>层的定义有效后，这里会显示预览。</translation>
    </message>
    <message>
        <source>This project already has a {name}: choose another name, or edit it (right-click it under My blocks, then Edit Definition…).</source>
        <translation>这个项目已经有一个 {name}：请换个名字，或者编辑它（在“我的积木”下右键点击它，然后选“编辑定义…”）。</translation>
    </message>
    <message>
        <source>Update it in my library too</source>
        <translation>同时更新我的库中的副本</translation>
    </message>
    <message>
        <source>With these defaults: {reason}</source>
        <translation>用这些默认值时：{reason}</translation>
    </message>
    <message>
        <source>Write the input shape as positive integers, e.g. (3, 20).</source>
        <translation>请把输入形状写成正整数，例如 (3, 20)。</translation>
    </message>
    <message>
        <source>Write what forward(x) returns, e.g. x - x.mean().</source>
        <translation>写出 forward(x) 返回什么，例如 x - x.mean()。</translation>
    </message>
    <message>
        <source>Your library keeps your own layers for every project; they are listed under My blocks.</source>
        <translation>你的库为所有项目保存你自己的层；它们列在“我的积木”下。</translation>
    </message>
    <message>
        <source>column {column}: </source>
        <translation>第 {column} 列：</translation>
    </message>
    <message>
        <source>optional: what it does, in a few words</source>
        <translation>可选：用几个字说明它做什么</translation>
    </message>
    <message>
        <source>{names}: a plain tensor attribute, not an nn.Parameter. parameters() and state_dict() do not see it, an optimizer does not train it, and .to(device) does not move it.</source>
        <translation>{names}：普通的张量属性，不是 nn.Parameter。parameters() 和 state_dict() 都看不到它，优化器不会训练它，.to(device) 也不会移动它。</translation>
    </message>
    <message>
        <source>{name} = {text}: a default is an integer, a number or True/False.</source>
        <translation>{name} = {text}：默认值必须是整数、数字或 True/False。</translation>
    </message>
    <message>
        <source>{name}{arguments} turns {shape_in} into {shape_out}.</source>
        <translation>{name}{arguments} 把 {shape_in} 变成 {shape_out}。</translation>
    </message>
    <message>
        <source>forward(x) returns:</source>
        <translation>forward(x) 返回：</translation>
    </message>
    <message>
        <source>{name} is a layer of the catalog (torch.nn.{name}): give yours another name, e.g. My{name}.</source>
        <translation>{name} 是层目录中已有的层（torch.nn.{name}）：请给你的层换个名字，例如 My{name}。</translation>
    </message>
    <message>
        <source>{name} is not a Python class name: use letters, digits and _ only, not starting with a digit, e.g. MyLayer.</source>
        <translation>{name} 不是合法的 Python 类名：只能用字母、数字和 _，且不能以数字开头，例如 MyLayer。</translation>
    </message>
    <message>
        <source>The class appears here once the layer is valid.</source>
        <translation>层的定义有效后，这里会显示对应的类。</translation>
    </message>
</context>
<context>
    <name>DefinitionDialog</name>
    <message>
        <source>Column {column}</source>
        <translation>第 {column} 列</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>在末尾</translation>
    </message>
    <message>
        <source>Line {line}, column {column}</source>
        <translation>第 {line} 行，第 {column} 列</translation>
    </message>
</context>
<context>
    <name>DefinitionWidgets</name>
    <message>
        <source>Add a child layer</source>
        <translation>添加一个子层</translation>
    </message>
    <message>
        <source>Add a hyperparameter (an argument of __init__)</source>
        <translation>添加一个超参数（__init__ 的一个参数）</translation>
    </message>
    <message>
        <source>Add a tensor the layer owns</source>
        <translation>添加一个这个层拥有的张量</translation>
    </message>
    <message>
        <source>Each row becomes self.name = Kind(arguments) in __init__, in this order. Write the arguments by name, over the block&apos;s hyperparameters: in_features=n_in, out_features=n_hidden. Arguments left out keep the kind&apos;s defaults.</source>
        <translation>每一行在 __init__ 中变成 self.name = Kind(arguments)，按这个顺序。参数按名字写，用块的超参数表示：in_features=n_in, out_features=n_hidden。没写的参数保持这个种类的默认值。</translation>
    </message>
    <message>
        <source>Each row becomes self.name = nn.Parameter(torch.randn(shape)) in __init__, created in this order. Write the shape with the hyperparameters, e.g. in_units, units. Untick &quot;register as Parameter&quot; for a plain tensor attribute: parameters() and state_dict() do not see it, it does not train and .to(device) does not move it.</source>
        <translation>每一行在 __init__ 中变成 self.name = nn.Parameter(torch.randn(shape))，按这个顺序创建。形状用超参数来写，例如 in_units, units。取消勾选“注册为 Parameter”，就得到一个普通的张量属性：parameters() 和 state_dict() 都看不到它，它不会被训练，.to(device) 也不会移动它。</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>give every argument by name, e.g. in_features=n_in</source>
        <translation>每个参数都要按名字给出，例如 in_features=n_in</translation>
    </message>
    <message>
        <source>initial values</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>register as Parameter</source>
        <translation>注册为 Parameter</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>the arguments are longer than 4,000 characters</source>
        <translation>参数超过了 4,000 个字符</translation>
    </message>
    <message>
        <source>write the arguments as name=value pairs, e.g. in_features=n_in, out_features=n_hidden</source>
        <translation>请把参数写成“名字=值”的形式，例如 in_features=n_in, out_features=n_hidden</translation>
    </message>
</context>
<context>
    <name>DesignStatus</name>
    <message>
        <source>{total} params · {trainable} trainable · {size}</source>
        <translation>{total} 个参数 · {trainable} 个可训练 · {size}</translation>
    </message>
    <message>
        <source>Shared parameters are counted once, as model.parameters() yields them.</source>
        <translation>共享的参数只计一次，和 model.parameters() 给出的一样。</translation>
    </message>
    <message>
        <source>train mode</source>
        <translation>训练模式</translation>
    </message>
    <message>
        <source>eval mode</source>
        <translation>评估模式</translation>
    </message>
    <message>
        <source>The model lives on {device} and is in {mode} ({call}): it decides what Dropout and BatchNorm do. The Run tab switches it.</source>
        <translation>模型在 {device} 上，处于{mode}（{call}）：它决定 Dropout 和 BatchNorm 的行为。可在“运行”标签页切换。</translation>
    </message>
    <message>
        <source>Shapes OK · output {shape}</source>
        <translation>形状正确 · 输出 {shape}</translation>
    </message>
    <message>
        <source>Shapes OK</source>
        <translation>形状正确</translation>
    </message>
    <message>
        <source>Shape error at block {path}: {sentence}</source>
        <translation>块 {path} 形状错误：{sentence}</translation>
    </message>
</context>
<context>
    <name>DesignToolbar</name>
    <message>
        <source>{text} is not a shape: write sizes separated by commas, like 3, 20.</source>
        <translation>{text} 不是形状：请用逗号分隔各维大小，例如 3, 20。</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>自动推断</translation>
    </message>
    <message>
        <source>torch.manual_seed(seed), then constructing the layers: changing it rebuilds every weight from the new seed (Undo brings the previous weights back). Exported code starts from it too.</source>
        <translation>先 torch.manual_seed(seed)，再构建各层：修改它会用新种子重新生成所有权重（撤销可恢复之前的权重）。导出的代码也从它开始。</translation>
    </message>
    <message>
        <source>Reset from seed</source>
        <translation>从种子重置</translation>
    </message>
    <message>
        <source>Initialize…</source>
        <translation>初始化…</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>The shape of the input batch, e.g. 3, 20 (empty: inferred from the first layer)</source>
        <translation>输入批次的形状，例如 3, 20（留空则根据第一层推断）</translation>
    </message>
    <message>
        <source>inferred: {shape}</source>
        <translation>推断为：{shape}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The seed must be a whole number, like 42.</source>
        <translation>种子必须是整数，例如 42。</translation>
    </message>
    <message>
        <source>Seed {seed}: every weight was rebuilt from it, as torch.manual_seed({seed}) then building the layers gives. Undo brings back the previous weights.</source>
        <translation>种子 {seed}：所有权重都已用它重新生成，和先 torch.manual_seed({seed}) 再构建各层得到的一样。撤销可恢复之前的权重。</translation>
    </message>
    <message>
        <source>The model is on {device} now: feed it inputs on {device} too.</source>
        <translation>模型现在在 {device} 上：输入数据也要放在 {device} 上。</translation>
    </message>
    <message>
        <source>Moving the model to {device}…</source>
        <translation>正在把模型移到 {device}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Move cancelled: the model stays on {device}.</source>
        <translation>已取消移动：模型仍在 {device} 上。</translation>
    </message>
    <message>
        <source>The model could not be moved to {device}: {reason}</source>
        <translation>无法把模型移到 {device}：{reason}</translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <source>{call} moves every parameter and buffer there.</source>
        <translation>{call} 会把每个参数和缓冲区都移到那里。</translation>
    </message>
    <message>
        <source>{device} · not available</source>
        <translation>{device} · 不可用</translation>
    </message>
    <message>
        <source>{device} · {model} · {free} free of {total}</source>
        <translation>{device} · {model} · 共 {total}，可用 {free}</translation>
    </message>
    <message>
        <source>{device} · {free} free</source>
        <translation>{device} · 可用 {free}</translation>
    </message>
    <message>
        <source>{device} · not on this machine</source>
        <translation>{device} · 本机没有</translation>
    </message>
    <message>
        <source>Where the model&apos;s parameters live: model.to(device).</source>
        <translation>模型参数所在的设备：model.to(device)。</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>block {paths}</source>
        <translation>块 {paths}</translation>
    </message>
    <message>
        <source>blocks {paths}</source>
        <translation>块 {paths}</translation>
    </message>
    <message>
        <source>Duplicated as {where} with new weights, as building the layers again would.</source>
        <translation>已复制为{where}，权重是新的，和重新构建这些层得到的一样。</translation>
    </message>
    <message>
        <source>Duplicated as {where}: the same weights, in modules of their own.</source>
        <translation>已复制为{where}：权重相同，但放在各自独立的模块里。</translation>
    </message>
    <message>
        <source>Duplicated as {where}. Sizes marked auto follow the input, which is different there, so what no longer fitted was rebuilt with new weights.</source>
        <translation>已复制为{where}。标为 auto 的尺寸会跟随输入，而那里的输入不同，所以不再匹配的部分已用新权重重新构建。</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selected blocks</source>
        <translation>剪切选中的块</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected blocks</source>
        <translation>复制选中的块</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste copies (with their own parameters) after the selection</source>
        <translation>在选中内容之后粘贴副本（各自带有自己的参数）</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Insert a copy of the selection after it, with the same weights (copy.deepcopy)</source>
        <translation>在选中内容之后插入一份副本，权重相同（copy.deepcopy）</translation>
    </message>
    <message>
        <source>Duplicate with &amp;Fresh Weights</source>
        <translation>用新权重创建副本(&amp;F)</translation>
    </message>
    <message>
        <source>Insert new layers like the selection after it, with new weights, as calling their constructors again would</source>
        <translation>在选中内容之后插入同样的新层，权重是新的，和再次调用构造函数得到的一样</translation>
    </message>
    <message>
        <source>Rep&amp;lace with…</source>
        <translation>替换为(&amp;L)…</translation>
    </message>
    <message>
        <source>Put another kind of layer in place of the selected block, like net[1] = nn.Sigmoid()</source>
        <translation>用另一种层替换选中的块，就像 net[1] = nn.Sigmoid()</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected blocks</source>
        <translation>删除选中的块</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select every block</source>
        <translation>选中所有块</translation>
    </message>
    <message>
        <source>&amp;Group into Sequential</source>
        <translation>组合成 Sequential(&amp;G)</translation>
    </message>
    <message>
        <source>Wrap the selected blocks in a nested Sequential</source>
        <translation>把选中的块放进一个嵌套的 Sequential</translation>
    </message>
    <message>
        <source>&amp;Ungroup</source>
        <translation>取消组合(&amp;U)</translation>
    </message>
    <message>
        <source>Dissolve the selected group in place</source>
        <translation>就地拆开选中的组</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selection one place up</source>
        <translation>把选中内容上移一位</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selection one place down</source>
        <translation>把选中内容下移一位</translation>
    </message>
    <message>
        <source>&amp;Quick Add Layer…</source>
        <translation>快速添加层(&amp;Q)…</translation>
    </message>
    <message>
        <source>Type a layer name and press Enter</source>
        <translation>输入层的名字，然后按回车</translation>
    </message>
    <message>
        <source>&amp;Reset Parameters from Seed</source>
        <translation>从种子重置参数(&amp;R)</translation>
    </message>
    <message>
        <source>Rebuild every weight from the seed, as torch.manual_seed(seed) then construction would</source>
        <translation>从种子重新生成所有权重，和先 torch.manual_seed(seed) 再构建得到的一样</translation>
    </message>
    <message>
        <source>&amp;Initialize Parameters…</source>
        <translation>初始化参数(&amp;I)…</translation>
    </message>
    <message>
        <source>Apply a torch.nn.init function to the selected blocks, a layer kind or everything</source>
        <translation>对选中的块、某一种层或全部参数应用一个 torch.nn.init 函数</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销(&amp;U) {what}</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做(&amp;R) {what}</translation>
    </message>
    <message>
        <source>Select one block to replace it with another kind of layer.</source>
        <translation>请选中一个块，才能把它替换成另一种层。</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <source>Drag layers here from the palette</source>
        <translation>从层面板把层拖到这里</translation>
    </message>
    <message>
        <source>or press Ctrl+K and type a name, like Linear or Conv2d.
Each block you add becomes a real layer in an nn.Sequential.</source>
        <translation>或者按 Ctrl+K 输入层的名字，比如 Linear 或 Conv2d。
你添加的每个块都会成为 nn.Sequential 中真正的一层。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>LayerLab: something went wrong</source>
        <translation>LayerLab：出了点问题</translation>
    </message>
    <message>
        <source>LayerLab keeps running. A report of what happened is in the log, {log}.</source>
        <translation>LayerLab 会继续运行。这次出错的报告在日志里：{log}。</translation>
    </message>
    <message>
        <source>LayerLab keeps running.</source>
        <translation>LayerLab 会继续运行。</translation>
    </message>
    <message>
        <source>If something looks wrong now, save your work and restart LayerLab.</source>
        <translation>如果现在有什么看起来不对，请保存工作并重启 LayerLab。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Copy the versions and the technical details, to paste into a bug report</source>
        <translation>复制版本号和技术细节，以便粘贴到错误报告里</translation>
    </message>
    <message>
        <source>Show log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>1 more error happened while this message was open.</source>
        <translation>这条消息打开期间又发生了 1 个错误。</translation>
    </message>
    <message>
        <source>{count} more errors happened while this message was open.</source>
        <translation>这条消息打开期间又发生了 {count} 个错误。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>LayerLab projects (*.pt);;All files (*)</source>
        <translation>LayerLab 项目 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch 权重 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>{name} has changes that are not saved.</source>
        <translation>{name} 有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>继续之前要先保存吗？</translation>
    </message>
    <message>
        <source>Code not applied</source>
        <translation>代码尚未应用</translation>
    </message>
    <message>
        <source>The Code tab holds edited code that was not applied to the design.</source>
        <translation>“代码”标签页里有编辑过但还没应用到设计上的代码。</translation>
    </message>
    <message>
        <source>Discard the edited code? (Cancel, then Apply or copy it, to keep it.)</source>
        <translation>要丢弃编辑过的代码吗？（想保留的话，先取消，再应用或复制它。）</translation>
    </message>
    <message>
        <source>The weights do not fit exactly</source>
        <translation>权重不完全匹配</translation>
    </message>
    <message>
        <source>These weights do not fit the design exactly: {report}</source>
        <translation>这些权重与设计不完全匹配：{report}</translation>
    </message>
    <message>
        <source>Load the {count} that fit and leave the other parameters as they are?</source>
        <translation>只加载匹配的 {count} 个，其余参数保持不变吗？</translation>
    </message>
    <message>
        <source>Load {count} that fit</source>
        <translation>加载匹配的 {count} 个</translation>
    </message>
    <message>
        <source>Don&apos;t load</source>
        <translation>不加载</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export Weights…</source>
        <translation>导出权重(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Load Weights…</source>
        <translation>加载权重(&amp;L)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Could not show the project</source>
        <translation>无法显示项目</translation>
    </message>
    <message>
        <source>This is a weights file</source>
        <translation>这是一个权重文件</translation>
    </message>
    <message>
        <source>Load weights into the current design</source>
        <translation>把权重加载到当前设计</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Could not read the weights</source>
        <translation>无法读取权重</translation>
    </message>
    <message>
        <source>None of the weights fit</source>
        <translation>没有一个权重匹配</translation>
    </message>
    <message>
        <source>None of the weights in {name} fit this design, so nothing was loaded: {report} Weights fit when their names and shapes are those of model.state_dict() for this design.</source>
        <translation>{name} 中没有一个权重与这个设计匹配，所以什么也没有加载：{report} 只有名字和形状都与这个设计的 model.state_dict() 一致的权重才匹配。</translation>
    </message>
    <message>
        <source>The weights do not fit</source>
        <translation>权重不匹配</translation>
    </message>
    <message>
        <source>Loaded {count} weights from {name}</source>
        <translation>已从 {name} 加载 {count} 个权重</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Export weights (model.state_dict())</source>
        <translation>导出权重（model.state_dict()）</translation>
    </message>
    <message>
        <source>Could not export the weights</source>
        <translation>无法导出权重</translation>
    </message>
    <message>
        <source>Exported model.state_dict() to {path}</source>
        <translation>已把 model.state_dict() 导出到 {path}</translation>
    </message>
</context>
<context>
    <name>GroupItem</name>
    <message>
        <source>A nested nn.Sequential with 1 block.</source>
        <translation>一个嵌套的 nn.Sequential，含 1 个块。</translation>
    </message>
    <message>
        <source>A nested nn.Sequential with {count} blocks.</source>
        <translation>一个嵌套的 nn.Sequential，含 {count} 个块。</translation>
    </message>
    <message>
        <source>Click the arrow to expand it.</source>
        <translation>点击箭头展开。</translation>
    </message>
    <message>
        <source>Click the arrow to collapse it.</source>
        <translation>点击箭头折叠。</translation>
    </message>
    <message>
        <source>Shape error inside, at block {path}: {sentence}</source>
        <translation>内部有形状错误，位于块 {path}：{sentence}</translation>
    </message>
    <message>
        <source>shape error at {path}</source>
        <translation>{path} 处形状错误</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 个块</translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation>{count} 个块</translation>
    </message>
</context>
<context>
    <name>HistogramPanel</name>
    <message>
        <source>All weights</source>
        <translation>所有权重</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> 个区间</translation>
    </message>
    <message>
        <source>How many equal bins from the smallest to the largest value</source>
        <translation>从最小值到最大值等分成多少个区间</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <source>Counts on a logarithmic axis: rare values and tails become visible</source>
        <translation>计数用对数坐标：少见的值和长尾也能看清</translation>
    </message>
    <message>
        <source>.grad beside</source>
        <translation>并排显示 .grad</translation>
    </message>
    <message>
        <source>Also show the histogram of the gradients (.grad) that a backward pass in the Run tab left in these parameters.</source>
        <translation>同时显示“运行”标签页里的反向传播留在这些参数中的梯度（.grad）的直方图。</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>没有数值</translation>
    </message>
    <message>
        <source>This selection holds no parameters.</source>
        <translation>选中的内容没有参数。</translation>
    </message>
    <message>
        <source>The design has no weights yet: add a layer with parameters.</source>
        <translation>设计中还没有权重：请添加一个带参数的层。</translation>
    </message>
    <message>
        <source>No .grad yet: run a backward pass in the Run tab.</source>
        <translation>还没有 .grad：请在“运行”标签页做一次反向传播。</translation>
    </message>
    <message>
        <source>.grad of {count} of these {total} tensors</source>
        <translation>这 {total} 个张量中 {count} 个的 .grad</translation>
    </message>
    <message>
        <source>Could not compute it: {reason}</source>
        <translation>无法计算：{reason}</translation>
    </message>
    <message>
        <source>Could not compute the histogram: {reason}</source>
        <translation>无法计算直方图：{reason}</translation>
    </message>
    <message>
        <source>No known rule produced these values, so there is no density to compare with.</source>
        <translation>这些数值不是由已知规则生成的，所以没有可供对比的密度曲线。</translation>
    </message>
    <message>
        <source>Expected: {label}</source>
        <translation>理论分布：{label}</translation>
    </message>
    <message>
        <source>The curve is the rule that last initialized these values; weights loaded, trained or edited since may not follow it.</source>
        <translation>曲线是最近一次初始化这些数值所用的规则；之后加载、训练或编辑过的权重未必符合它。</translation>
    </message>
    <message>
        <source>All weights — 1 tensor</source>
        <translation>所有权重 — 1 个张量</translation>
    </message>
    <message>
        <source>All weights — {count} tensors</source>
        <translation>所有权重 — {count} 个张量</translation>
    </message>
    <message>
        <source>{where} — {what}, all 1 parameter tensor</source>
        <translation>{where} — {what}，全部 1 个参数张量</translation>
    </message>
    <message>
        <source>{where} — {what}, all {count} parameter tensors</source>
        <translation>{where} — {what}，全部 {count} 个参数张量</translation>
    </message>
    <message>
        <source>, 1 value</source>
        <translation>，1 个值</translation>
    </message>
    <message>
        <source>, {count} values</source>
        <translation>，{count} 个值</translation>
    </message>
</context>
<context>
    <name>HistogramPlot</name>
    <message>
        <source>Nothing to show</source>
        <translation>没有可显示的内容</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>没有数值</translation>
    </message>
    <message>
        <source>mean {mean}   std {std}   min {min}   max {max}   zeros {zeros}   {count} values</source>
        <translation>均值 {mean}   标准差 {std}   最小值 {min}   最大值 {max}   零值 {zeros}   共 {count} 个值</translation>
    </message>
    <message>
        <source>(left out: {what})</source>
        <translation>（未计入：{what}）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>count (log scale)</source>
        <translation>计数（对数坐标）</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
</context>
<context>
    <name>InitDialog</name>
    <message>
        <source>w is the fresh sample; also fan_in, fan_out, numel. Functions: {functions}. Operators: {operators}.</source>
        <translation>w 是新抽取的样本；还可以用 fan_in、fan_out、numel。函数：{functions}。运算符：{operators}。</translation>
    </message>
    <message>
        <source>Initialize parameters</source>
        <translation>初始化参数</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>negative slope of leaky_relu</source>
        <translation>leaky_relu 的负半轴斜率</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>all parameters</source>
        <translation>所有参数</translation>
    </message>
    <message>
        <source>every block of kind</source>
        <translation>所有这种类型的块：</translation>
    </message>
    <message>
        <source>the whole design</source>
        <translation>整个设计</translation>
    </message>
    <message>
        <source>then transform the sample:</source>
        <translation>然后变换样本：</translation>
    </message>
    <message>
        <source>Remove the rules this one overwrites, in the same undo step, so that the list says what really made the values. Untick to keep every rule.</source>
        <translation>在同一步撤销操作中删除被这条规则覆盖的规则，让列表如实反映数值的来历。取消勾选则保留所有规则。</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Forget the rule: the values stay, but Reset Parameters from Seed no longer replays it.</source>
        <translation>删除这条规则：数值保持不变，但“从种子重置参数”不会再重放它。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>of</source>
        <translation>，作用于</translation>
    </message>
    <message>
        <source>Custom rule (optional)</source>
        <translation>自定义规则（可选）</translation>
    </message>
    <message>
        <source>As code:</source>
        <translation>对应的代码：</translation>
    </message>
    <message>
        <source>Rules kept in this project (replayed by Reset Parameters from Seed and in exported code):</source>
        <translation>本项目保存的规则（“从种子重置参数”和导出的代码会重放它们）：</translation>
    </message>
    <message>
        <source>This function takes no arguments.</source>
        <translation>这个函数没有参数。</translation>
    </message>
    <message>
        <source>set by calculate_gain</source>
        <translation>由 calculate_gain 设置</translation>
    </message>
    <message>
        <source>scales the spread</source>
        <translation>缩放分布的宽度</translation>
    </message>
    <message>
        <source>the selected block (1)</source>
        <translation>选中的块（1 个）</translation>
    </message>
    <message>
        <source>the selected blocks ({count})</source>
        <translation>选中的块（{count} 个）</translation>
    </message>
    <message>
        <source>the selected blocks (none selected)</source>
        <translation>选中的块（未选中任何块）</translation>
    </message>
    <message>
        <source>None yet: every layer has its own default init (e.g. Linear: U(−1/√in, 1/√in)).</source>
        <translation>还没有：每个层都有自己的默认初始化（例如 Linear：U(−1/√in, 1/√in)）。</translation>
    </message>
    <message>
        <source>Nothing to fill: {rule} matches no parameter of this design.</source>
        <translation>没有可填充的内容：{rule} 不匹配这个设计中的任何参数。</translation>
    </message>
    <message>
        <source>the rule does not fit (see the message below)</source>
        <translation>这条规则不适用（见下方的说明）</translation>
    </message>
    <message>
        <source>Apply removes this rule: the new one replaces it.</source>
        <translation>“应用”会删除这条规则：由新规则取代它。</translation>
    </message>
    <message>
        <source>Initialize: {rule} (replaces rule {numbers})</source>
        <translation>初始化：{rule}（取代规则 {numbers}）</translation>
    </message>
    <message>
        <source>Initialize: {rule} (replaces rules {numbers})</source>
        <translation>初始化：{rule}（取代规则 {numbers}）</translation>
    </message>
</context>
<context>
    <name>InitOverwrites</name>
    <message>
        <source>rule {number} ({function} on {names})</source>
        <translation>规则 {number}（对 {names} 使用 {function}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}等另外 {count} 个</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names}和{last}</translation>
    </message>
    <message>
        <source>Overwrites {rules}: this rule fills the same tensors again, so it would no longer do anything.</source>
        <translation>会覆盖{rules}：这条规则会再次填充相同的张量，所以那条规则将不再起作用。</translation>
    </message>
    <message>
        <source>Overwrites {rules}: this rule fills the same tensors again, so each of them would no longer do anything.</source>
        <translation>会覆盖{rules}：这条规则会再次填充相同的张量，所以那些规则都将不再起作用。</translation>
    </message>
    <message>
        <source>Replace it: remove rule {number} in the same step</source>
        <translation>取代它：在同一步中删除规则 {number}</translation>
    </message>
    <message>
        <source>Replace them: remove rules {numbers} in the same step</source>
        <translation>取代它们：在同一步中删除规则 {numbers}</translation>
    </message>
    <message>
        <source>{names} from rule {number}</source>
        <translation>规则 {number} 的 {names}</translation>
    </message>
    <message>
        <source>Also fills again {what}; that rule stays, since it fills other tensors too.</source>
        <translation>还会再次填充{what}；那条规则会保留，因为它还填充别的张量。</translation>
    </message>
    <message>
        <source>Also fills again {what}; those rules stay, since they fill other tensors too.</source>
        <translation>还会再次填充{what}；那些规则会保留，因为它们还填充别的张量。</translation>
    </message>
</context>
<context>
    <name>InitPreview</name>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}等另外 {count} 个</translation>
    </message>
    <message>
        <source>Preview (a fresh sample; nothing changes until Apply)</source>
        <translation>预览（新抽取的样本；点“应用”之前什么都不会改变）</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <source>A logarithmic count axis: a spike (say, the zeros of a custom rule) no longer flattens the rest</source>
        <translation>计数用对数坐标：尖峰（比如自定义规则产生的零）不会再把其余部分压平</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <source>No preview: {reason}.</source>
        <translation>无预览：{reason}。</translation>
    </message>
    <message>
        <source>Preview failed: {reason}</source>
        <translation>预览失败：{reason}</translation>
    </message>
    <message>
        <source>{count} values from {names}.</source>
        <translation>来自 {names} 的 {count} 个值。</translation>
    </message>
    <message>
        <source>No density formula for it.</source>
        <translation>它没有密度公式。</translation>
    </message>
    <message>
        <source>{count} NaN or infinite values are left out of the plot; Apply refuses a rule that makes them.</source>
        <translation>有 {count} 个 NaN 或无穷大的值没有画出来；“应用”会拒绝产生这些值的规则。</translation>
    </message>
    <message>
        <source>Expected: {label}</source>
        <translation>理论分布：{label}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>block {path}</source>
        <translation>块 {path}</translation>
    </message>
    <message>
        <source>{some} and {last}</source>
        <translation>{some}和{last}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两处</translation>
    </message>
    <message>
        <source>all three</source>
        <translation>三处</translation>
    </message>
    <message>
        <source>all {count}</source>
        <translation>所有 {count} 处</translation>
    </message>
    <message>
        <source>Shares its module (and weights) with {places}: one &lt;code&gt;nn.Module&lt;/code&gt; used in {count} places, so editing or training one changes {every}.</source>
        <translation>与{places}共用同一个模块（和权重）：同一个 &lt;code&gt;nn.Module&lt;/code&gt; 在 {count} 处使用，所以编辑或训练其中一处，{every}都会改变。</translation>
    </message>
    <message>
        <source>not checked against the seed</source>
        <translation>未与种子核对</translation>
    </message>
    <message>
        <source>exactly what the seed gives</source>
        <translation>与种子生成的完全一致</translation>
    </message>
    <message>
        <source>changed since they were built from the seed</source>
        <translation>从种子生成之后已被修改</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Nothing selected. Click a block to see and edit its hyperparameters.</source>
        <translation>未选中任何内容。点击一个块即可查看和编辑它的超参数。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Tips: drag layers from the palette; Ctrl+K adds one by name; Ctrl+G groups the selection into a nested Sequential; every edit can be undone with Ctrl+Z.</source>
        <translation>提示：从层面板拖入层；Ctrl+K 按名字添加层；Ctrl+G 把选中内容组合成嵌套的 Sequential；每次编辑都可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Group at path {path}: a nested nn.Sequential. In code it is {code}.</source>
        <translation>路径为 {path} 的组：一个嵌套的 nn.Sequential。在代码里它是 {code}。</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子项</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消组合</translation>
    </message>
    <message>
        <source>Dissolve this group in place (Ctrl+Shift+G)</source>
        <translation>就地拆开这个组（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <source>{count} items selected</source>
        <translation>已选中 {count} 项</translation>
    </message>
    <message>
        <source>They are of different kinds, so there is nothing to edit together. Ctrl+G groups them (when they sit side by side); Delete removes them.</source>
        <translation>它们种类不同，所以没有可以一起编辑的内容。Ctrl+G 可以把它们组合起来（当它们相邻时）；Delete 可以删除它们。</translation>
    </message>
    <message>
        <source>(its index, {index})</source>
        <translation>（它的索引，{index}）</translation>
    </message>
    <message>
        <source>The key of this block in its Sequential, like OrderedDict([(&apos;encoder&apos;, …)]).</source>
        <translation>这个块在所属 Sequential 中的键，就像 OrderedDict([(&apos;encoder&apos;, …)])。</translation>
    </message>
    <message>
        <source>Block {path} · {category}</source>
        <translation>块 {path} · {category}</translation>
    </message>
    <message>
        <source>Blocks {paths}: an edit applies to all of them.</source>
        <translation>块 {paths}：一次编辑会作用于所有这些块。</translation>
    </message>
    <message>
        <source>About {name}…</source>
        <translation>关于 {name}…</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parameters: {formula} = {count}</source>
        <translation>参数：{formula} = {count}</translation>
    </message>
    <message>
        <source>Shapes: {shapes}</source>
        <translation>形状：{shapes}</translation>
    </message>
    <message>
        <source>Shape error.</source>
        <translation>形状错误。</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>修复：{fix}</translation>
    </message>
    <message>
        <source>An argument of {name}(…), as its definition names it.</source>
        <translation>{name}(…) 的一个参数，名字来自它的定义。</translation>
    </message>
    <message>
        <source>Change {name} for every block of it (one undoable step)</source>
        <translation>修改 {name}，它的每个块都会跟着改变（一步可撤销的操作）</translation>
    </message>
    <message>
        <source>Definition of {name}</source>
        <translation>{name} 的定义</translation>
    </message>
    <message>
        <source>Edit Definition…</source>
        <translation>编辑定义…</translation>
    </message>
    <message>
        <source>Your own block, defined in this project.</source>
        <translation>你自己的块，定义在这个项目中。</translation>
    </message>
    <message>
        <source>Your own layer, defined in this project.</source>
        <translation>你自己的层，定义在这个项目中。</translation>
    </message>
    <message>
        <source>the children, in order</source>
        <translation>按顺序调用子层</translation>
    </message>
    <message>
        <source>{names}: a plain tensor attribute, not an nn.Parameter. parameters() and state_dict() do not see it, an optimizer does not train it, and .to(device) does not move it.</source>
        <translation>{names}：普通的张量属性，不是 nn.Parameter。parameters() 和 state_dict() 都看不到它，优化器不会训练它，.to(device) 也不会移动它。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>There is not enough memory for it.</source>
        <translation>内存不够。</translation>
    </message>
    <message>
        <source>An unexpected error happened ({name}).</source>
        <translation>发生了意外错误（{name}）。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language ({language})</source>
        <translation>跟随系统(&amp;S)（{language}）</translation>
    </message>
    <message>
        <source>Follow the language of the desktop</source>
        <translation>使用桌面系统的语言</translation>
    </message>
    <message>
        <source>Show LayerLab in this language, from now on</source>
        <translation>从现在起用这种语言显示 LayerLab</translation>
    </message>
</context>
<context>
    <name>LayerStats</name>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>零值</translation>
    </message>
    <message>
        <source>values</source>
        <translation>数值分布</translation>
    </message>
    <message>
        <source>The mean of the block&apos;s output over the whole batch.</source>
        <translation>这个块的输出在整个批次上的均值。</translation>
    </message>
    <message>
        <source>The spread of the block&apos;s output. If it shrinks towards 0 or grows block after block, the signal vanishes or explodes with depth: try another init.</source>
        <translation>这个块输出的离散程度。如果它一个块接一个块地缩小到 0 或不断变大，说明信号随深度消失或爆炸了：试试别的初始化方法。</translation>
    </message>
    <message>
        <source>The fraction of outputs that are exactly 0. After a ReLU, a high value means many dead units.</source>
        <translation>恰好为 0 的输出所占的比例。在 ReLU 之后，这个值很高说明有很多“死亡”神经元。</translation>
    </message>
    <message>
        <source>A histogram of the block&apos;s output values, from min (left) to max (right); for big outputs, of 256 evenly spaced values.</source>
        <translation>这个块输出值的直方图，从最小值（左）到最大值（右）；输出很大时，取 256 个等间隔的值来画。</translation>
    </message>
    <message>
        <source>This output holds NaN or Inf values.</source>
        <translation>这个输出中含有 NaN 或 Inf。</translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>The lessons are missing from this installation</source>
        <translation>这次安装缺少课程文件</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>欢迎(&amp;W)…</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>无法打开这一课</translation>
    </message>
    <message>
        <source>Lesson {number}: {title}</source>
        <translation>第 {number} 课：{title}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Start over</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>Open this lesson&apos;s design again, as it was at the start</source>
        <translation>重新打开这一课的设计，恢复到开始时的样子</translation>
    </message>
    <message>
        <source>No lesson is open</source>
        <translation>没有打开任何课程</translation>
    </message>
    <message>
        <source>Choose one in the **Lessons** menu, or in Help → Welcome.</source>
        <translation>请在 **课程** 菜单或“帮助 → 欢迎”中选择一课。</translation>
    </message>
    <message>
        <source>Lesson {number}</source>
        <translation>第 {number} 课</translation>
    </message>
    <message>
        <source>Next lesson →</source>
        <translation>下一课 →</translation>
    </message>
    <message>
        <source>Lesson {number}: {title}</source>
        <translation>第 {number} 课：{title}</translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <source>Loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message>
        <source>Loading PyTorch… this becomes available in a moment.</source>
        <translation>正在加载 PyTorch…马上就能用了。</translation>
    </message>
    <message>
        <source>{name} opens once PyTorch is loaded</source>
        <translation>PyTorch 加载完成后会打开 {name}</translation>
    </message>
    <message>
        <source>PyTorch could not be loaded ({error}). Check that torch is installed for this Python ({python}), for example with &apos;pip install torch&apos;, then start LayerLab again.</source>
        <translation>无法加载 PyTorch（{error}）。请确认这个 Python（{python}）里已经安装了 torch，例如用 &apos;pip install torch&apos; 安装，然后重新启动 LayerLab。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;original design&gt;</source>
        <translation>&lt;原始设计&gt;</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Replace with: type a layer name, press Enter</source>
        <translation>替换为：输入层的名字，然后按回车</translation>
    </message>
    <message>
        <source>Drop a LayerLab project (.pt) or Python code (.py) to open it.</source>
        <translation>拖入 LayerLab 项目（.pt）或 Python 代码（.py）即可打开。</translation>
    </message>
    <message>
        <source>{name} (read from code, not saved yet)</source>
        <translation>{name}（从代码读取，尚未保存）</translation>
    </message>
    <message>
        <source>Replace {block} with:</source>
        <translation>把{block}替换为：</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reset Panel Layout</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>PyTorch &amp;nn Documentation</source>
        <translation>PyTorch nn 文档(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About LayerLab</source>
        <translation>关于 LayerLab(&amp;A)</translation>
    </message>
    <message>
        <source>About LayerLab</source>
        <translation>关于 LayerLab</translation>
    </message>
    <message>
        <source>Build PyTorch networks from blocks. The canvas is a real &lt;code&gt;nn.Sequential&lt;/code&gt;: what you see is what &lt;code&gt;print(model)&lt;/code&gt; prints.</source>
        <translation>用积木块搭建 PyTorch 网络。画布就是一个真正的 &lt;code&gt;nn.Sequential&lt;/code&gt;：你看到的，就是 &lt;code&gt;print(model)&lt;/code&gt; 打印出来的。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>no parameters</source>
        <translation>没有参数</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas, or double-click to add it after the selection.</source>
        <translation>把层拖到画布上，或者双击把它添加到选中内容之后。</translation>
    </message>
    <message>
        <source>Edit Definition…</source>
        <translation>编辑定义…</translation>
    </message>
    <message>
        <source>In this project (not in your library).</source>
        <translation>在这个项目中（不在你的库里）。</translation>
    </message>
    <message>
        <source>In this project and saved in your library.</source>
        <translation>在这个项目中，也保存在你的库里。</translation>
    </message>
    <message>
        <source>In your library: adding it puts its definition into this project.</source>
        <translation>在你的库里：添加它时，它的定义会加入这个项目。</translation>
    </message>
    <message>
        <source>New Custom Layer…</source>
        <translation>新建自定义层…</translation>
    </message>
    <message>
        <source>None yet: Layer → New Custom Layer…</source>
        <translation>还没有：层 → 新建自定义层…</translation>
    </message>
    <message>
        <source>Remove from My Library</source>
        <translation>从我的库中删除</translation>
    </message>
    <message>
        <source>Remove from Project</source>
        <translation>从项目中删除</translation>
    </message>
    <message>
        <source>Right-click to edit, remove or save it.</source>
        <translation>右键点击可以编辑、删除或保存它。</translation>
    </message>
    <message>
        <source>Save to My Library</source>
        <translation>保存到我的库</translation>
    </message>
    <message>
        <source>Update in My Library</source>
        <translation>更新我的库中的副本</translation>
    </message>
    <message>
        <source>Your block: {summary}</source>
        <translation>你的块：{summary}</translation>
    </message>
    <message>
        <source>Your layer: forward(x) = {summary}</source>
        <translation>你的层：forward(x) = {summary}</translation>
    </message>
    <message>
        <source>Your own layers appear here. Make one with Layer → New Custom Layer…, or select a group and use Layer → Make Reusable Block…</source>
        <translation>你自己的层会显示在这里。用“层 → 新建自定义层…”新建一个，或者选中一个组，再用“层 → 做成可复用的块…”。</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>an integer</source>
        <translation>一个整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数</translation>
    </message>
    <message>
        <source>True or False</source>
        <translation>True 或 False</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 之一</translation>
    </message>
    <message>
        <source>an integer or a tuple of {n} integers</source>
        <translation>一个整数或由 {n} 个整数组成的元组</translation>
    </message>
    <message>
        <source>an integer, a tuple of {n} integers, or {choices}</source>
        <translation>一个整数、由 {n} 个整数组成的元组，或 {choices}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>an integer or a tuple of {n} integers (None keeps that size)</source>
        <translation>一个整数或由 {n} 个整数组成的元组（None 表示保持该维大小）</translation>
    </message>
    <message>
        <source>an integer or a tuple of integers</source>
        <translation>一个整数或整数元组</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <source>, or None</source>
        <translation>，或 None</translation>
    </message>
    <message>
        <source>{name} needs a value: {valid}.</source>
        <translation>{name} 需要一个值：{valid}。</translation>
    </message>
    <message>
        <source>{text} is not {valid}.</source>
        <translation>{text} 不是{valid}。</translation>
    </message>
    <message>
        <source>{help}
Valid: {valid}.</source>
        <translation>{help}
有效值：{valid}。</translation>
    </message>
    <message>
        <source>Follow the input shape: the value is worked out from the block&apos;s input.</source>
        <translation>跟随输入形状：这个值由块的输入推算出来。</translation>
    </message>
</context>
<context>
    <name>ParameterTable</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>shared with</source>
        <translation>共享于</translation>
    </message>
    <message>
        <source>grad: norm, mean</source>
        <translation>grad：范数、均值</translation>
    </message>
    <message>
        <source>The full name, as model.named_parameters(remove_duplicate=False) or model.state_dict() gives it. Each parameter is an nn.Parameter: a tensor registered on its module, so parameters() lists it and an optimizer trains it. A plain tensor stored as an attribute is neither listed nor trained nor saved.</source>
        <translation>完整名称，和 model.named_parameters(remove_duplicate=False) 或 model.state_dict() 给出的一样。每个参数都是 nn.Parameter：注册在所属模块上的张量，所以 parameters() 会列出它，优化器会训练它。作为普通属性保存的张量既不会被列出，也不会被训练或保存。</translation>
    </message>
    <message>
        <source>The block that holds the tensor: its path on the canvas and its kind.</source>
        <translation>持有这个张量的块：它在画布上的路径和种类。</translation>
    </message>
    <message>
        <source>tensor.shape: the size of each dimension.</source>
        <translation>tensor.shape：每一维的大小。</translation>
    </message>
    <message>
        <source>tensor.dtype: the type of its numbers (float32 unless you ask for another).</source>
        <translation>tensor.dtype：数值的类型（除非另行指定，否则是 float32）。</translation>
    </message>
    <message>
        <source>tensor.device: where the values live (the project&apos;s device).</source>
        <translation>tensor.device：数值所在的设备（项目的设备）。</translation>
    </message>
    <message>
        <source>requires_grad: whether autograd computes a gradient for this parameter, so that an optimizer trains it. Untick to freeze it (undo brings it back). Buffers have no requires_grad: they are never trained.</source>
        <translation>requires_grad：autograd 是否为这个参数计算梯度，从而让优化器训练它。取消勾选即可冻结它（撤销可恢复）。缓冲区没有 requires_grad：它们从不被训练。</translation>
    </message>
    <message>
        <source>tensor.numel(): how many numbers it holds.</source>
        <translation>tensor.numel()：它包含多少个数。</translation>
    </message>
    <message>
        <source>The mean of its values.</source>
        <translation>它的数值的均值。</translation>
    </message>
    <message>
        <source>The standard deviation of its values (unbiased, as torch.std).</source>
        <translation>它的数值的标准差（无偏估计，与 torch.std 相同）。</translation>
    </message>
    <message>
        <source>The smallest value.</source>
        <translation>最小的值。</translation>
    </message>
    <message>
        <source>The largest value.</source>
        <translation>最大的值。</translation>
    </message>
    <message>
        <source>Other names of the very same tensor: the module is used in more than one place (weight tying).</source>
        <translation>同一个张量的其他名字：这个模块在不止一处使用（权重绑定）。</translation>
    </message>
    <message>
        <source>The gradient autograd left in .grad after Run backward (Run tab): its norm and mean. &apos;—&apos; until a backward pass. For a module used in several places it is the sum of the gradients from every place.</source>
        <translation>“反向运行”（“运行”标签页）之后 autograd 留在 .grad 中的梯度：它的范数和均值。没有做过反向传播时显示 &apos;—&apos;。对在多处使用的模块，它是各处梯度之和。</translation>
    </message>
    <message>
        <source>Parameters by block, named as model.named_parameters(remove_duplicate=False) names them: each is an nn.Parameter, which parameters() lists and an optimizer trains (a plain tensor attribute is neither). Untick requires_grad to freeze one: an optimizer then leaves it alone (a shared tensor is frozen everywhere it is used).</source>
        <translation>按块列出的参数，名字与 model.named_parameters(remove_duplicate=False) 给出的一致：每个都是 nn.Parameter，parameters() 会列出它，优化器会训练它（普通的张量属性两者都不会）。取消勾选 requires_grad 即可冻结参数：优化器就不再改动它（共享的张量在所有使用它的地方都会被冻结）。</translation>
    </message>
    <message>
        <source>state_dict view</source>
        <translation>state_dict 视图</translation>
    </message>
    <message>
        <source>List exactly the keys of model.state_dict(): parameters and persistent buffers, a shared module&apos;s tensors once per place it is used.</source>
        <translation>只列出 model.state_dict() 的键：参数和持久缓冲区；共享模块的张量在每个使用它的地方各列一次。</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Unfold every block</source>
        <translation>展开所有块</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <source>Fold every block to its header row</source>
        <translation>把每个块折叠到标题行</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Show or hide the values of the current tensor, as print() shows them</source>
        <translation>显示或隐藏当前张量的数值，和 print() 打印的一样</translation>
    </message>
    <message>
        <source>{owner}: each parameter, printed</source>
        <translation>{owner}：逐个打印的参数</translation>
    </message>
    <message>
        <source>{owner} ({title}) has no parameters: {code} is [].</source>
        <translation>{owner}（{title}）没有参数：{code} 是 []。</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>buffer, not saved</source>
        <translation>缓冲区，不保存</translation>
    </message>
    <message>
        <source>same module as {blocks}</source>
        <translation>与{blocks}是同一个模块</translation>
    </message>
    <message>
        <source>trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>all frozen</source>
        <translation>全部冻结</translation>
    </message>
    <message>
        <source>{frozen} of {count} frozen</source>
        <translation>{count} 个中冻结了 {frozen} 个</translation>
    </message>
    <message>
        <source>Total: no model</source>
        <translation>合计：没有模型</translation>
    </message>
    <message>
        <source>{n} parameter</source>
        <translation>{n} 个参数</translation>
    </message>
    <message>
        <source>{n} parameters</source>
        <translation>{n} 个参数</translation>
    </message>
    <message>
        <source>{n} tensor</source>
        <translation>{n} 个张量</translation>
    </message>
    <message>
        <source>{n} tensors</source>
        <translation>{n} 个张量</translation>
    </message>
    <message>
        <source>Total: {parameters} in {tensors}</source>
        <translation>合计：{tensors}中共 {parameters}</translation>
    </message>
    <message>
        <source> (each of the {count} shared tensors counted once)</source>
        <translation>（{count} 个共享张量各只计一次）</translation>
    </message>
    <message>
        <source>{count} trainable</source>
        <translation>{count} 个可训练</translation>
    </message>
    <message>
        <source>, {count} frozen</source>
        <translation>，{count} 个已冻结</translation>
    </message>
    <message>
        <source>{n} buffer</source>
        <translation>{n} 个缓冲区</translation>
    </message>
    <message>
        <source>{n} buffers</source>
        <translation>{n} 个缓冲区</translation>
    </message>
    <message>
        <source>{n} number</source>
        <translation>{n} 个数</translation>
    </message>
    <message>
        <source>{n} numbers</source>
        <translation>{n} 个数</translation>
    </message>
    <message>
        <source>buffers: saved in state_dict, not trained  ({buffers}, {numbers})</source>
        <translation>缓冲区：保存在 state_dict 中，不参与训练（{buffers}，{numbers}）</translation>
    </message>
    <message>
        <source>; {count} non-persistent, not saved</source>
        <translation>；{count} 个非持久，不保存</translation>
    </message>
    <message>
        <source>{n} key</source>
        <translation>{n} 个键</translation>
    </message>
    <message>
        <source>{n} keys</source>
        <translation>{n} 个键</translation>
    </message>
    <message>
        <source>state_dict: {keys}: {params} for parameters, {buffers} for buffers</source>
        <translation>state_dict：{keys}：{params} 个属于参数，{buffers} 个属于缓冲区</translation>
    </message>
    <message>
        <source>; {count} of them repeat a shared tensor</source>
        <translation>；其中 {count} 个重复了共享的张量</translation>
    </message>
    <message>
        <source>Counted like sum(p.numel() for p in model.parameters()): a tensor that several blocks share counts once.</source>
        <translation>按 sum(p.numel() for p in model.parameters()) 计数：多个块共享的张量只计一次。</translation>
    </message>
    <message>
        <source>Click the arrow (or double-click) to fold this section.</source>
        <translation>点击箭头（或双击）折叠这一部分。</translation>
    </message>
    <message>
        <source>Tick or untick to unfreeze or freeze every parameter of this block (one undo step).</source>
        <translation>勾选或取消勾选，可解冻或冻结这个块的所有参数（一步撤销）。</translation>
    </message>
    <message>
        <source> The module is also {blocks}: it changes there too.</source>
        <translation> 这个模块同时也是{blocks}：那里也会跟着改变。</translation>
    </message>
    <message>
        <source>This block and {blocks} hold one module: their parameters are the same tensors (weight tying).</source>
        <translation>这个块和{blocks}共用一个模块：它们的参数是同一批张量（权重绑定）。</translation>
    </message>
    <message>
        <source>Block {path}: {title}. Click the arrow (or double-click) to fold it.</source>
        <translation>块 {path}：{title}。点击箭头（或双击）可折叠。</translation>
    </message>
    <message>
        <source>requires_grad=True: an optimizer trains it. Untick to freeze it.</source>
        <translation>requires_grad=True：优化器会训练它。取消勾选即可冻结。</translation>
    </message>
    <message>
        <source>requires_grad=False: frozen, an optimizer leaves it as it is. Tick to train it again.</source>
        <translation>requires_grad=False：已冻结，优化器不会改动它。勾选即可重新训练。</translation>
    </message>
    <message>
        <source> It is the same tensor as {names}, so that one changes too.</source>
        <translation> 它与 {names} 是同一个张量，所以那个也会改变。</translation>
    </message>
    <message>
        <source>{name} is the same tensor as {names}: the module is used in more than one place. Changing or freezing it here changes it everywhere; parameters() counts it once.</source>
        <translation>{name} 与 {names} 是同一个张量：这个模块在不止一处使用。在这里修改或冻结它，所有地方都会改变；parameters() 只计一次。</translation>
    </message>
    <message>
        <source>a buffer (register_buffer): saved, never trained</source>
        <translation>缓冲区（register_buffer）：会保存，从不训练</translation>
    </message>
    <message>
        <source>an nn.Parameter: listed by parameters(), trained, saved</source>
        <translation>nn.Parameter：由 parameters() 列出，会训练，会保存</translation>
    </message>
    <message>
        <source>{name}: {shape} {dtype} on {device}</source>
        <translation>{name}：{shape} {dtype}，位于 {device}</translation>
    </message>
    <message>
        <source>block {paths}</source>
        <translation>块 {paths}</translation>
    </message>
    <message>
        <source>blocks {paths}</source>
        <translation>块 {paths}</translation>
    </message>
    <message>
        <source>plain tensors ({tensors}, {numbers}): not parameters, so parameters() and state_dict() do not see them</source>
        <translation>普通张量（{tensors}，{numbers}）：不是参数，所以 parameters() 和 state_dict() 都看不到它们</translation>
    </message>
    <message>
        <source>{name}: {shape} {dtype} on {device}, in block {path}</source>
        <translation>{name}：{shape} {dtype}，在 {device} 上，属于块 {path}</translation>
    </message>
    <message>
        <source>⚠ plain</source>
        <translation>⚠ 普通张量</translation>
    </message>
    <message>
        <source>⚠ {n} plain tensor, not counted</source>
        <translation>⚠ {n} 个普通张量，未计入</translation>
    </message>
    <message>
        <source>⚠ {n} plain tensors, not counted</source>
        <translation>⚠ {n} 个普通张量，未计入</translation>
    </message>
</context>
<context>
    <name>PendingCanvas</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>shapes follow once PyTorch is loaded</source>
        <translation>PyTorch 加载完成后会显示形状</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>PyTorch could not be loaded</source>
        <translation>无法加载 PyTorch</translation>
    </message>
    <message>
        <source>Drag layers here from the palette</source>
        <translation>从层面板把层拖到这里</translation>
    </message>
    <message>
        <source>PyTorch is loading. Layers you add now wait here and join the design as soon as it is ready; each one can be undone.</source>
        <translation>PyTorch 正在加载。现在添加的层会先在这里等待，加载完成后立即加入设计；每一步都可以撤销。</translation>
    </message>
    <message>
        <source>{count} layers are waiting for PyTorch already; add more once it is ready.</source>
        <translation>已有 {count} 个层在等待 PyTorch；请等它加载完成后再添加更多。</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <source>Add a layer: type its name, press Enter</source>
        <translation>添加层：输入它的名字，然后按回车</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作吗？</translation>
    </message>
    <message>
        <source>LayerLab did not close properly last time. Recover {what}?</source>
        <translation>LayerLab 上次没有正常关闭。要恢复{what}吗？</translation>
    </message>
    <message>
        <source>“Discard” deletes the autosaved copy; “Not now” keeps it for the next start.</source>
        <translation>“丢弃”会删除自动保存的副本；“以后再说”会保留它，下次启动时再问。</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Could not recover</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>RepeatDialog</name>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Repeat {what}, one after the other (the block itself counts as one).</source>
        <translation>把{what}一个接一个地重复（这个块本身也算一个）。</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Shared: the same module every time, one set of weights  (nn.Sequential(*[m] * n))</source>
        <translation>共享：每次都是同一个模块，只有一组权重（nn.Sequential(*[m] * n)）</translation>
    </message>
    <message>
        <source>Independent copies, each with its own weights (copied from this one)</source>
        <translation>独立副本：每个都有自己的权重（从这个块复制）</translation>
    </message>
</context>
<context>
    <name>ReusableBlockDialog</name>
    <message>
        <source>As PyTorch code:</source>
        <translation>对应的 PyTorch 代码：</translation>
    </message>
    <message>
        <source>Give every ticked field a hyperparameter name.</source>
        <translation>给每个勾选的字段一个超参数名。</translation>
    </message>
    <message>
        <source>Group {path} becomes one block of a new kind, like a class of your own with constructor arguments (class Net(nn.Module)). Tick the fields its hyperparameters set; fields that share a name share one hyperparameter, so their values must agree. Values you leave unticked stay as they are.</source>
        <translation>组 {path} 会变成一个新种类的块，就像一个带构造函数参数的自定义类（class Net(nn.Module)）。勾选由它的超参数设定的字段；同名的字段共用一个超参数，所以它们的值必须相同。没有勾选的值保持不变。</translation>
    </message>
    <message>
        <source>Make block</source>
        <translation>做成块</translation>
    </message>
    <message>
        <source>Make reusable block</source>
        <translation>做成可复用的块</translation>
    </message>
    <message>
        <source>Name of the new block</source>
        <translation>新块的名称</translation>
    </message>
    <message>
        <source>Name the new block, e.g. Net or Mlp.</source>
        <translation>给新块起个名字，例如 Net 或 Mlp。</translation>
    </message>
    <message>
        <source>One undoable step: the group becomes one block of the new kind, with the same weights</source>
        <translation>一步可撤销的操作：这个组变成新种类的一个块，权重不变</translation>
    </message>
    <message>
        <source>Save to my library (for every project)</source>
        <translation>保存到我的库（所有项目都能用）</translation>
    </message>
    <message>
        <source>The group as it is now: {call}</source>
        <translation>这个组现在相当于：{call}</translation>
    </message>
    <message>
        <source>The group holds no numeric fields: the block will take no hyperparameters.</source>
        <translation>这个组里没有数值字段：这个块将不带超参数。</translation>
    </message>
    <message>
        <source>This project already has a {name}: choose another name.</source>
        <translation>这个项目已经有一个 {name}：请换个名字。</translation>
    </message>
    <message>
        <source>field = its value now</source>
        <translation>字段 = 现在的值</translation>
    </message>
    <message>
        <source>hyperparameter</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>The class appears here once the block is valid.</source>
        <translation>块的定义有效后，这里会显示对应的类。</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>sum of the outputs</source>
        <translation>输出之和</translation>
    </message>
    <message>
        <source>MSE against zeros</source>
        <translation>与全零的 MSE</translation>
    </message>
    <message>
        <source>cross-entropy, random labels</source>
        <translation>交叉熵，随机标签</translation>
    </message>
    <message>
        <source>Load tensor…</source>
        <translation>加载张量…</translation>
    </message>
    <message>
        <source>Use a tensor saved with torch.save(x, &apos;x.pt&apos;) as the input.</source>
        <translation>用 torch.save(x, &apos;x.pt&apos;) 保存的张量作为输入。</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>训练模式</translation>
    </message>
    <message>
        <source>model.train(): Dropout drops values and BatchNorm uses (and updates) the batch&apos;s statistics. Off: model.eval(), as for predictions. Runs use it.</source>
        <translation>model.train()：Dropout 会丢弃数值，BatchNorm 使用（并更新）当前批次的统计量。关闭时为 model.eval()，和做预测时一样。运行时按此模式执行。</translation>
    </message>
    <message>
        <source>Run forward</source>
        <translation>前向运行</translation>
    </message>
    <message>
        <source>Run backward</source>
        <translation>反向运行</translation>
    </message>
    <message>
        <source>Save input…</source>
        <translation>保存输入…</translation>
    </message>
    <message>
        <source>Save output…</source>
        <translation>保存输出…</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>loss:</source>
        <translation>损失：</translation>
    </message>
    <message>
        <source>Input  print(X)</source>
        <translation>输入  print(X)</translation>
    </message>
    <message>
        <source>Output  print(model(X))</source>
        <translation>输出  print(model(X))</translation>
    </message>
    <message>
        <source>Use generated input</source>
        <translation>使用生成的输入</translation>
    </message>
    <message>
        <source>loaded from a file</source>
        <translation>从文件加载</translation>
    </message>
    <message>
        <source>on {device}</source>
        <translation>位于 {device}</translation>
    </message>
    <message>
        <source>→ X of shape {shape}, {where}</source>
        <translation>→ 形状为 {shape} 的 X，{where}</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>training mode</source>
        <translation>训练模式</translation>
    </message>
    <message>
        <source>eval mode</source>
        <translation>评估模式</translation>
    </message>
    <message>
        <source>Output shape {shape} on {device}, {mode}; forward took {ms} ms.</source>
        <translation>输出形状 {shape}，位于 {device}，{mode}；前向传播用时 {ms} 毫秒。</translation>
    </message>
    <message>
        <source>Loss ({loss}) = {value}; gradients are in each parameter&apos;s .grad now.</source>
        <translation>损失（{loss}）= {value}；梯度现在已在每个参数的 .grad 中。</translation>
    </message>
    <message>
        <source>Load an input tensor</source>
        <translation>加载输入张量</translation>
    </message>
    <message>
        <source>Tensors (*.pt *.pth);;All (*)</source>
        <translation>张量 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not use {name} as the input: {reason}</source>
        <translation>无法把 {name} 用作输入：{reason}</translation>
    </message>
    <message>
        <source>Save the input</source>
        <translation>保存输入</translation>
    </message>
    <message>
        <source>Save the output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>Tensors (*.pt)</source>
        <translation>张量 (*.pt)</translation>
    </message>
    <message>
        <source>Saved the input to {path} (torch.load it to use it again).</source>
        <translation>已把输入保存到 {path}（用 torch.load 可以再次使用）。</translation>
    </message>
    <message>
        <source>Saved the output to {path} (torch.load it to use it again).</source>
        <translation>已把输出保存到 {path}（用 torch.load 可以再次使用）。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>this project</source>
        <translation>这个项目</translation>
    </message>
    <message>
        <source> The details are in LayerLab&apos;s log, {log}.</source>
        <translation> 详细信息在 LayerLab 的日志里：{log}。</translation>
    </message>
    <message>
        <source>it holds something LayerLab did not expect, and drawing it failed.</source>
        <translation>它包含 LayerLab 没有预料到的内容，绘制失败了。</translation>
    </message>
    <message>
        <source>LayerLab could not show {name}: {reason} The project you had open is still open, unchanged.</source>
        <translation>LayerLab 无法显示 {name}：{reason} 你原来打开的项目仍然打开着，没有任何改动。</translation>
    </message>
    <message>
        <source>project.model was changed directly; LayerLab followed the change and cleared the undo history.</source>
        <translation>project.model 被直接修改了；LayerLab 已跟上这个变化，并清空了撤销历史。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Recovered the autosaved project; save it to keep it.</source>
        <translation>已恢复自动保存的项目；请保存以留下它。</translation>
    </message>
</context>
<context>
    <name>SharingActions</name>
    <message>
        <source>Block {path} · {label}</source>
        <translation>块 {path} · {label}</translation>
    </message>
    <message>
        <source>Group {path} · Sequential ({count} blocks)</source>
        <translation>组 {path} · Sequential（{count} 个块）</translation>
    </message>
    <message>
        <source>Share Weights</source>
        <translation>共享权重</translation>
    </message>
    <message>
        <source>The blocks will hold one module. Whose current weights and settings stay?</source>
        <translation>这些块将共用一个模块。保留哪一个块当前的权重和设置？</translation>
    </message>
    <message>
        <source>Copy the current weights (the two {name}s start equal)</source>
        <translation>复制当前的权重（两个 {name} 一开始相同）</translation>
    </message>
    <message>
        <source>Fresh weights, drawn as constructing a new layer would</source>
        <translation>新权重，和构造一个新层时抽取的一样</translation>
    </message>
    <message>
        <source>Make Independent</source>
        <translation>取消共享</translation>
    </message>
    <message>
        <source>This block gets its own {name}, no longer tied to the others. Its weights:</source>
        <translation>这个块将拥有自己的 {name}，不再与其他块绑定。它的权重：</translation>
    </message>
    <message>
        <source>S&amp;hare Weights…</source>
        <translation>共享权重(&amp;H)…</translation>
    </message>
    <message>
        <source>Make the selected blocks one module used in several places (weight tying)</source>
        <translation>让选中的块成为在多处使用的同一个模块（权重绑定）</translation>
    </message>
    <message>
        <source>Use &amp;Again</source>
        <translation>再次使用(&amp;A)</translation>
    </message>
    <message>
        <source>Place the same module once more, right after it (like using &apos;shared&apos; twice); Alt-drag a block to place it anywhere</source>
        <translation>在它后面再放一次同一个模块（就像把 &apos;shared&apos; 用两次）；按住 Alt 拖动块可以放到任何位置</translation>
    </message>
    <message>
        <source>&amp;Repeat…</source>
        <translation>重复(&amp;R)…</translation>
    </message>
    <message>
        <source>Repeat the selected block or group: the same module, or independent copies</source>
        <translation>重复选中的块或组：用同一个模块，或用独立的副本</translation>
    </message>
    <message>
        <source>Make &amp;Independent…</source>
        <translation>取消共享(&amp;I)…</translation>
    </message>
    <message>
        <source>Give the selected shared block its own module</source>
        <translation>让选中的共享块拥有自己的模块</translation>
    </message>
    <message>
        <source>Select two or more blocks of one kind to share their weights.</source>
        <translation>请选中两个或更多同一种类的块，才能共享它们的权重。</translation>
    </message>
    <message>
        <source>Blocks {paths} now hold one module: their weights are tied.</source>
        <translation>块 {paths} 现在共用一个模块：它们的权重已绑定。</translation>
    </message>
</context>
<context>
    <name>TensorValues</name>
    <message>
        <source>Click a parameter or a buffer in the table to see its values as print() shows them.</source>
        <translation>点击表格中的参数或缓冲区，即可看到和 print() 打印一样的数值。</translation>
    </message>
    <message>
        <source>{count} more characters not shown (torch&apos;s print options ask for every value; torch.set_printoptions(profile=&apos;default&apos;) summarizes again)</source>
        <translation>还有 {count} 个字符未显示（torch 的打印选项要求显示每个值；torch.set_printoptions(profile=&apos;default&apos;) 可恢复省略显示）</translation>
    </message>
    <message>
        <source>What print() of this tensor writes: torch&apos;s own text, summarized with ... for big tensors.</source>
        <translation>print() 这个张量时输出的内容：torch 自己的格式，大张量会用 ... 省略。</translation>
    </message>
    <message>
        <source>Could not print the values: {reason}</source>
        <translation>无法打印数值：{reason}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>{count}M params</source>
        <translation>{count}M 个参数</translation>
    </message>
    <message>
        <source>1 param</source>
        <translation>1 个参数</translation>
    </message>
    <message>
        <source>{count} params</source>
        <translation>{count} 个参数</translation>
    </message>
</context>
<context>
    <name>TrainingBox</name>
    <message>
        <source>Copy a teacher: regress the outputs of a fixed random network of this design</source>
        <translation>模仿教师：回归一个同样设计、参数随机且固定的网络的输出</translation>
    </message>
    <message>
        <source>Clusters: classify points from separable clusters (needs (N, features) → (N, classes))</source>
        <translation>聚类：对可分的点簇做分类（需要 (N, 特征数) → (N, 类别数)）</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>模仿教师</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>聚类</translation>
    </message>
    <message>
        <source>Train a few steps</source>
        <translation>训练几步</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Keep trained weights</source>
        <translation>保留训练后的权重</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Put the trained weights into the design (one step you can undo).</source>
        <translation>把训练后的权重放进设计（一步可撤销的操作）。</translation>
    </message>
    <message>
        <source>Forget the training: the design keeps the weights it had.</source>
        <translation>放弃这次训练：设计保留原来的权重。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>gradient norm per layer</source>
        <translation>每层的梯度范数</translation>
    </message>
    <message>
        <source>Trains a copy of the model; the design changes only when you keep the result.</source>
        <translation>训练的是模型的副本；只有你选择保留结果时，设计才会改变。</translation>
    </message>
    <message>
        <source>Training {steps} steps on a copy of the model…</source>
        <translation>正在模型的副本上训练 {steps} 步…</translation>
    </message>
    <message>
        <source>Trained {steps} steps.</source>
        <translation>已训练 {steps} 步。</translation>
    </message>
    <message>
        <source>Loss {first} → {last}. Keep the trained weights, or revert.</source>
        <translation>损失 {first} → {last}。保留训练后的权重，或者还原。</translation>
    </message>
    <message>
        <source>Training failed: {reason}</source>
        <translation>训练失败：{reason}</translation>
    </message>
    <message>
        <source>Kept: the design has the trained weights (Edit → Undo brings back the ones before).</source>
        <translation>已保留：设计现在使用训练后的权重（“编辑 → 撤销”可恢复之前的权重）。</translation>
    </message>
    <message>
        <source>Reverted: the design keeps the weights it had.</source>
        <translation>已还原：设计保留原来的权重。</translation>
    </message>
    <message>
        <source>block {path}</source>
        <translation>块 {path}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to LayerLab</source>
        <translation>欢迎使用 LayerLab</translation>
    </message>
    <message>
        <source>Build PyTorch networks from blocks. What you see on the canvas is a real &lt;code&gt;nn.Sequential&lt;/code&gt;: its &lt;code&gt;print(net)&lt;/code&gt;, its parameters and their values. Start with a lesson, or pick up where you left off.</source>
        <translation>用积木块搭建 PyTorch 网络。画布上看到的是一个真正的 &lt;code&gt;nn.Sequential&lt;/code&gt;：它的 &lt;code&gt;print(net)&lt;/code&gt;、它的参数以及参数的值。从一课开始，或者接着上次的进度继续。</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>Projects you save or open will be listed here.</source>
        <translation>你保存或打开过的项目会列在这里。</translation>
    </message>
    <message>
        <source>New empty design</source>
        <translation>新建空白设计</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Show at start-up</source>
        <translation>启动时显示</translation>
    </message>
    <message>
        <source>Help → Welcome shows this screen at any time</source>
        <translation>随时可以通过“帮助 → 欢迎”打开这个页面</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
</context>
</TS>
