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
        <translation>自动 {names}</translation>
    </message>
    <message>
        <source>eval mode</source>
        <translation>评估模式</translation>
    </message>
    <message>
        <source>not allocated: needs {size}</source>
        <translation>未分配：需要 {size}</translation>
    </message>
    <message>
        <source>Its parameters would not fit in memory, so they are not allocated: shapes, counts, print(net), code and saving the design work. Materialize it to run it.</source>
        <translation>它的参数放不进内存，所以没有分配：形状、参数计数、print(net)、代码和保存设计都照常可用。要运行它，请先将它实体化。</translation>
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
        <source>Subtracts the mean of its input: the output averages to zero.</source>
        <translation>减去输入的均值：输出的平均值为零。</translation>
    </message>
    <message>
        <source>An MLP class: hidden = Linear(num_inputs, num_hiddens), out = Linear(num_hiddens, num_outputs).</source>
        <translation>一个 MLP 类：hidden = Linear(num_inputs, num_hiddens)，out = Linear(num_hiddens, num_outputs)。</translation>
    </message>
    <message>
        <source>A hand-written Linear with ReLU; fixed is a plain tensor, not a parameter.</source>
        <translation>手写的带 ReLU 的 Linear；fixed 是普通张量，不是参数。</translation>
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
        <source>The weights are not the seed&apos;s (edited, trained, copied or loaded), so the code alone rebuilds different values.</source>
        <translation>权重已不是种子给出的那些（被编辑、训练、复制或加载过），只靠代码会重新生成不同的数值。</translation>
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
        <source>the code</source>
        <translation>这段代码</translation>
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
    <message>
        <source>No weights were saved: block {path} is not allocated (materialize it first to save them).</source>
        <translation>没有保存权重：块 {path} 尚未分配（先实体化它才能保存权重）。</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>The weights are not the seed&apos;s (edited, trained, copied or loaded), so building from the seed gives different values. Export .py… can save them alongside.</source>
        <translation>权重已不是种子给出的那些（被编辑、训练、复制或加载过），所以从种子构建会得到不同的数值。“导出 .py…”可以把权重一并保存。</translation>
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
    <name>Command</name>
    <message>
        <source>Materialize block {path}</source>
        <translation>实体化块 {path}</translation>
    </message>
    <message>
        <source>Materialize the design</source>
        <translation>实体化整个设计</translation>
    </message>
    <message>
        <source>Make block {name}</source>
        <translation>做成块 {name}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Define {name}</source>
        <translation>定义 {name}</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 个块</translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation>{count} 个块</translation>
    </message>
    <message>
        <source>Insert {kind}</source>
        <translation>插入 {kind}</translation>
    </message>
    <message>
        <source>Duplicate {what} with fresh weights</source>
        <translation>复制 {what}（使用新权重）</translation>
    </message>
    <message>
        <source>Duplicate {what}</source>
        <translation>复制 {what}</translation>
    </message>
    <message>
        <source>Replace {old} with {kind}</source>
        <translation>把 {old} 替换为 {kind}</translation>
    </message>
    <message>
        <source>Move {what}</source>
        <translation>移动 {what}</translation>
    </message>
    <message>
        <source>Group into Sequential</source>
        <translation>组合成 Sequential</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消组合</translation>
    </message>
    <message>
        <source>Change {kind} {fields}</source>
        <translation>修改 {kind} 的 {fields}</translation>
    </message>
    <message>
        <source>Change block {fields}</source>
        <translation>修改块的 {fields}</translation>
    </message>
    <message>
        <source>Rename block</source>
        <translation>重命名块</translation>
    </message>
    <message>
        <source>Set input shape</source>
        <translation>设置输入形状</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>修改种子</translation>
    </message>
    <message>
        <source>Set seed {seed}</source>
        <translation>设置种子 {seed}</translation>
    </message>
    <message>
        <source>Reset parameters from seed</source>
        <translation>从种子重置参数</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Move model to {device}</source>
        <translation>把模型移到 {device}</translation>
    </message>
    <message>
        <source>Paste {what}</source>
        <translation>粘贴 {what}</translation>
    </message>
    <message>
        <source>Cut {what}</source>
        <translation>剪切 {what}</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>删除 {what}</translation>
    </message>
    <message>
        <source>Unfreeze {path}.{name}</source>
        <translation>解冻 {path}.{name}</translation>
    </message>
    <message>
        <source>Freeze {path}.{name}</source>
        <translation>冻结 {path}.{name}</translation>
    </message>
    <message>
        <source>Unfreeze block {path}</source>
        <translation>解冻块 {path}</translation>
    </message>
    <message>
        <source>Freeze block {path}</source>
        <translation>冻结块 {path}</translation>
    </message>
    <message>
        <source>Initialize: {rule}</source>
        <translation>初始化：{rule}</translation>
    </message>
    <message>
        <source>Remove init rule: {function}</source>
        <translation>删除初始化规则：{function}</translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation>应用代码</translation>
    </message>
    <message>
        <source>Train {steps} steps</source>
        <translation>训练 {steps} 步</translation>
    </message>
    <message>
        <source>Train 1 step</source>
        <translation>训练 1 步</translation>
    </message>
    <message>
        <source>Share {kind} weights</source>
        <translation>共享 {kind} 权重</translation>
    </message>
    <message>
        <source>Make {kind} independent</source>
        <translation>让 {kind} 独立</translation>
    </message>
    <message>
        <source>Use {kind} again</source>
        <translation>再次使用 {kind}</translation>
    </message>
    <message>
        <source>Repeat {kind} ×{n}</source>
        <translation>重复 {kind} ×{n}</translation>
    </message>
    <message>
        <source>Repeat {kind} ×{n} (copies)</source>
        <translation>重复 {kind} ×{n}（副本）</translation>
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
        <source>Tensors the layer owns, made in this order (so the same seed gives the same values). Shapes are written with the hyperparameters&apos; names, e.g. (in_units, units).</source>
        <translation>这个层拥有的张量，按这个顺序创建（所以同一个种子得到同样的数值）。形状用超参数的名字来写，例如 (in_units, units)。</translation>
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
        <source>{totals} ({size} not allocated)</source>
        <translation>{totals}（其中 {size} 未分配）</translation>
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
        <source>Shapes unknown: set the input shape in the toolbar (e.g. 3, 20) to see them</source>
        <translation>形状未知：在工具栏里设置输入形状（例如 3, 20）即可看到它们</translation>
    </message>
    <message>
        <source>Empty design: drag a layer from the Layers list onto the canvas</source>
        <translation>空设计：从层面板把一个层拖到画布上</translation>
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
        <source>Notes on {name}</source>
        <translation>关于 {name} 的说明</translation>
    </message>
    <message>
        <source>{name} was read. Worth knowing:</source>
        <translation>已读取 {name}。值得知道的是：</translation>
    </message>
    <message>
        <source>… and {count} more (p.notices lists them all).</source>
        <translation>……还有 {count} 条（p.notices 列出全部）。</translation>
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
        <source>Not allocated: these weights have no values yet. Materialize the block (Edit → Materialize…) to see them.</source>
        <translation>尚未分配内存：这些权重还没有值。将该块实体化（编辑 → 实体化…）后即可查看。</translation>
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
        <source>.grad of this tensor</source>
        <translation>这个张量的 .grad</translation>
    </message>
    <message>
        <source>.grad of all {total} tensors</source>
        <translation>全部 {total} 个张量的 .grad</translation>
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
    <message>
        <source> (1 tensor left out: not allocated)</source>
        <translation>（不含 1 个未分配的张量）</translation>
    </message>
    <message>
        <source> ({count} tensors left out: not allocated)</source>
        <translation>（不含 {count} 个未分配的张量）</translation>
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
        <source>This is rule {number}, applied already: applying it again, in its place, draws the same values from the seed.</source>
        <translation>这就是规则 {number}，已经应用过：在原处再次应用，会从种子抽取出同样的值。</translation>
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
        <source>the blocks it fills are not allocated; materialize them to see their values</source>
        <translation>它要填充的块尚未分配内存；先将它们实体化，才能看到它们的值</translation>
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
        <source>{share} of this output is NaN or Inf: its mean, std, min, max and histogram are over the other values alone.</source>
        <translation>这个输出中有 {share} 是 NaN 或 Inf：它的均值、标准差、最小值、最大值和直方图只按其余的值计算。</translation>
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
    <message>
        <source>There is no lesson {number}: the lessons are numbered {numbers}.</source>
        <translation>没有第 {number} 课：课程编号为 {numbers}。</translation>
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
    <name>MaterializeActions</name>
    <message>
        <source>&amp;Materialize…</source>
        <translation>实体化(&amp;M)…</translation>
    </message>
    <message>
        <source>Allocate the memory of blocks kept unallocated because they did not fit, so that they can run</source>
        <translation>为因放不下而未分配的块分配内存，让它们可以运行</translation>
    </message>
    <message>
        <source>Every block is allocated already.</source>
        <translation>所有块都已分配。</translation>
    </message>
    <message>
        <source>Block {path}</source>
        <translation>块 {path}</translation>
    </message>
    <message>
        <source>The design</source>
        <translation>整个设计</translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>{what} needs {need} of memory to be materialized, but only {have} is free now, so it stays unallocated. Make its layers smaller, or close other programs and try again.</source>
        <translation>{what} 实体化需要 {need} 内存，但现在只有 {have} 可用，所以它保持未分配。请把它的层改小，或关闭其他程序后再试。</translation>
    </message>
    <message>
        <source>Materialize</source>
        <translation>实体化</translation>
    </message>
    <message>
        <source>{what} needs {need} of memory; {have} is free now. Allocate it and draw its values from the seed?</source>
        <translation>{what} 需要 {need} 内存；现在有 {have} 可用。要分配它并从种子生成它的值吗？</translation>
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
    <name>Model</name>
    <message>
        <source>module {module!r} has no attribute {name!r}</source>
        <translation>模块 {module!r} 没有属性 {name!r}</translation>
    </message>
    <message>
        <source>{where}torch refused {kind}({args}): {reason}</source>
        <translation>{where}torch 拒绝了 {kind}({args})：{reason}</translation>
    </message>
    <message>
        <source>LayerLab does not know the layer type {name} ({module}.{qualname}). It can hold torch.nn.Sequential groups and these layers: {kinds}.</source>
        <translation>LayerLab 不认识层类型 {name}（{module}.{qualname}）。它能容纳 torch.nn.Sequential 组和以下这些层：{kinds}。</translation>
    </message>
    <message>
        <source>module should be of type torch.nn.Module, but got {type} ({module!r:.60}).</source>
        <translation>模块应当是 torch.nn.Module 类型，但得到的是 {type}（{module!r:.60}）。</translation>
    </message>
    <message>
        <source>{lazy} has no weights until its first forward pass, so LayerLab cannot hold it yet. A {kind} block whose {name} is &quot;auto&quot; learns its input size the same way: add one with append_layer(&quot;{kind}&quot;, ...), or run the module on a batch first (it then becomes an nn.{kind}).</source>
        <translation>{lazy} 在第一次前向传播之前没有权重，所以 LayerLab 暂时无法容纳它。{name} 设为 &quot;auto&quot; 的 {kind} 块也会以同样方式得知输入大小：用 append_layer(&quot;{kind}&quot;, ...) 添加一个；或者先让这个模块处理一个批次（之后它会变成 nn.{kind}）。</translation>
    </message>
    <message>
        <source>{kind} with these hyperparameters</source>
        <translation>使用这些超参数的 {kind}</translation>
    </message>
    <message>
        <source>Choose smaller sizes (e.g. {name}).</source>
        <translation>请选择更小的尺寸（例如 {name}）。</translation>
    </message>
    <message>
        <source>{where}{what} would have {count:,} parameters ({need}), but only {have} of memory is free. {fix}</source>
        <translation>{where}{what} 将有 {count:,} 个参数（{need}），但可用内存只有 {have}。{fix}</translation>
    </message>
    <message>
        <source>Its sizes are written in its definition: edit {kind} to make its layers smaller.</source>
        <translation>它的尺寸写在它的定义里：编辑 {kind}，把其中的层改小。</translation>
    </message>
    <message>
        <source>Choose smaller sizes.</source>
        <translation>请选择更小的尺寸。</translation>
    </message>
    <message>
        <source>at most {have} of parameters</source>
        <translation>参数最多占 {have}</translation>
    </message>
    <message>
        <source>{where}{kind}({args}) could not be allocated: this process ran out of memory ({free} free). Choose smaller sizes.</source>
        <translation>{where}无法分配 {kind}({args})：本进程内存不足（可用 {free}）。请选择更小的尺寸。</translation>
    </message>
    <message>
        <source>{where}this version of torch ({version}) cannot build {kind}({args}): {reason}</source>
        <translation>{where}这个版本的 torch（{version}）无法构建 {kind}({args})：{reason}</translation>
    </message>
    <message>
        <source>{where}torch refused {kind} with these values: {reason}</source>
        <translation>{where}torch 拒绝了使用这些取值的 {kind}：{reason}</translation>
    </message>
    <message>
        <source>Custom block of {count} ({children})</source>
        <translation>由 {count} 个子层组成的自定义块（{children}）</translation>
    </message>
    <message>
        <source>Custom layer: {forward}</source>
        <translation>自定义层：{forward}</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}。</translation>
    </message>
    <message>
        <source>{name!r} is already a layer of the catalog (torch.nn.{name}); give your definition another name, e.g. My{name}.</source>
        <translation>{name!r} 已经是层目录中的一个层（torch.nn.{name}）；请给你的定义换个名字，例如 My{name}。</translation>
    </message>
    <message>
        <source>{name!r} is a name the exported code already uses; choose another.</source>
        <translation>导出的代码已经在使用名字 {name!r}；请换一个。</translation>
    </message>
    <message>
        <source>A hyperparameter of {name}.</source>
        <translation>{name} 的一个超参数。</translation>
    </message>
    <message>
        <source>the sum of its children&apos;s parameters</source>
        <translation>其各子层参数之和</translation>
    </message>
    <message>
        <source>A hyperparameter of {name}; &quot;auto&quot; follows the size of the input&apos;s last dimension.</source>
        <translation>{name} 的一个超参数；设为 &quot;auto&quot; 时跟随输入最后一维的大小。</translation>
    </message>
    <message>
        <source>{where}{key} = {source} could not be worked out: {reason}</source>
        <translation>{where}无法算出 {key} = {source}：{reason}</translation>
    </message>
    <message>
        <source>{where}{name} must be {valid} (got {value}): {reason}.</source>
        <translation>{where}{name} 必须是{valid}（实际为 {value}）：{reason}。</translation>
    </message>
    <message>
        <source>{where}{name} must be {valid} (got {value}).</source>
        <translation>{where}{name} 必须是{valid}（实际为 {value}）。</translation>
    </message>
    <message>
        <source>unknown hyperparameter type {kind!r}</source>
        <translation>未知的超参数类型 {kind!r}</translation>
    </message>
    <message>
        <source>torch holds whole numbers up to 2**63 - 1 only</source>
        <translation>torch 只能存放不超过 2**63 - 1 的整数</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{where}{kind} has no hyperparameter {name!r} (its hyperparameters are: {known}).</source>
        <translation>{where}{kind} 没有超参数 {name!r}（它的超参数有：{known}）。</translation>
    </message>
    <message>
        <source>it must be a finite number</source>
        <translation>它必须是有限的数</translation>
    </message>
    <message>
        <source>{where}{rule} (got {values}).</source>
        <translation>{where}{rule}（实际为 {values}）。</translation>
    </message>
    <message>
        <source>it needs {count} entries</source>
        <translation>它需要 {count} 项</translation>
    </message>
    <message>
        <source>it needs at least one entry</source>
        <translation>它至少需要一项</translation>
    </message>
    <message>
        <source>{where}{kind}.{name} cannot be &apos;auto&apos;: it does not follow from the input shape.</source>
        <translation>{where}{kind}.{name} 不能设为 &apos;auto&apos;：它无法由输入形状得出。</translation>
    </message>
    <message>
        <source>{name} must be divisible by {by}</source>
        <translation>{name} 必须能被 {by} 整除</translation>
    </message>
    <message>
        <source>output_padding must be smaller than stride or dilation</source>
        <translation>output_padding 必须小于 stride 或 dilation</translation>
    </message>
    <message>
        <source>padding=&apos;same&apos; only works with stride 1</source>
        <translation>padding=&apos;same&apos; 只能与 stride 1 一起使用</translation>
    </message>
    <message>
        <source>padding must be at most half of the kernel size</source>
        <translation>padding 最多为卷积核大小的一半</translation>
    </message>
    <message>
        <source>max_val must be greater than min_val</source>
        <translation>max_val 必须大于 min_val</translation>
    </message>
    <message>
        <source>padding_idx must be a valid token id (below num_embeddings)</source>
        <translation>padding_idx 必须是有效的词元 id（小于 num_embeddings）</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>{valid}, or None</source>
        <translation>{valid}，或 None</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>{valid} {low} and {high}</source>
        <translation>{low} 且 {high} 的{valid}</translation>
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
        <translation>整数，或由 {n} 个整数组成的元组</translation>
    </message>
    <message>
        <source>an integer, a tuple of {n} integers, or {choices}</source>
        <translation>整数、由 {n} 个整数组成的元组，或 {choices}</translation>
    </message>
    <message>
        <source>an integer or a tuple of {n} integers (None keeps that size)</source>
        <translation>整数，或由 {n} 个整数组成的元组（None 表示保持该维大小）</translation>
    </message>
    <message>
        <source>an integer or a tuple of integers</source>
        <translation>整数，或由整数组成的元组</translation>
    </message>
    <message>
        <source>a {rank}-d (C, {letters}) or {batched_rank}-d (N, C, {letters}) input</source>
        <translation>{rank} 维 (C, {letters}) 或 {batched_rank} 维 (N, C, {letters}) 的输入</translation>
    </message>
    <message>
        <source>Set {name}={value} on block {path}</source>
        <translation>把块 {path} 的 {name} 设为 {value}</translation>
    </message>
    <message>
        <source>set {name}={value}</source>
        <translation>把 {name} 设为 {value}</translation>
    </message>
    <message>
        <source>Linear expects inputs whose last dimension is {n_in} (in_features), but gets {shape}.</source>
        <translation>Linear 期望输入的最后一维是 {n_in}（in_features），但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>{kind}&apos;s forward ({forward})</source>
        <translation>{kind} 的 forward（{forward}）</translation>
    </message>
    <message>
        <source>{kind} needs floating-point input, but gets integer token ids. Put an Embedding before it to turn ids into vectors.</source>
        <translation>{kind} 需要浮点数输入，但收到的是整数词元 id。请在它前面放一个 Embedding，把 id 变成向量。</translation>
    </message>
    <message>
        <source>floating-point values</source>
        <translation>浮点数</translation>
    </message>
    <message>
        <source>{kind} expects {wanted}, but gets {shape} ({rank}-d).</source>
        <translation>{kind} 期望{wanted}，但收到的是 {shape}（{rank} 维）。</translation>
    </message>
    <message>
        <source>{kind} expects {expected} input channels ({name}), but the input {shape} has {actual} in dimension {dim}.</source>
        <translation>{kind} 期望 {expected} 个输入通道（{name}），但输入 {shape} 的第 {dim} 维是 {actual}。</translation>
    </message>
    <message>
        <source>{count} channels</source>
        <translation>{count} 个通道</translation>
    </message>
    <message>
        <source>Linear needs at least one dimension.</source>
        <translation>Linear 的输入至少需要一维。</translation>
    </message>
    <message>
        <source>Linear works on the last dimension ({last}), but in_features is {n_in}. The input {shape} has {rank} dimensions: flatten it to ({batch}, {flat}) first.</source>
        <translation>Linear 作用在最后一维（{last}）上，但 in_features 是 {n_in}。输入 {shape} 有 {rank} 维：请先把它展平成 ({batch}, {flat})。</translation>
    </message>
    <message>
        <source>Linear works on the last dimension, but the input {shape} has {rank} dimensions. Flatten it to ({batch}, {flat}) and set in_features={flat}.</source>
        <translation>Linear 作用在最后一维上，但输入 {shape} 有 {rank} 维。请把它展平成 ({batch}, {flat})，并设置 in_features={flat}。</translation>
    </message>
    <message>
        <source>{kind} needs non-empty input, but gets {shape}.</source>
        <translation>{kind} 需要非空的输入，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>sizes ≥ 1</source>
        <translation>各维大小 ≥ 1</translation>
    </message>
    <message>
        <source>a 2-d (N, C) or 3-d (N, C, L) input</source>
        <translation>2 维 (N, C) 或 3 维 (N, C, L) 的输入</translation>
    </message>
    <message>
        <source>a 4-d (N, C, H, W) input</source>
        <translation>4 维 (N, C, H, W) 的输入</translation>
    </message>
    <message>
        <source>{kind} computes each channel&apos;s mean and variance over the batch, but the input {shape} has a batch of one: there is nothing to average while training.</source>
        <translation>{kind} 在批次上计算每个通道的均值和方差，但输入 {shape} 的批次只有一个样本：训练时没有可以求平均的东西。</translation>
    </message>
    <message>
        <source>a batch of 2 or more</source>
        <translation>批次大小为 2 或更大</translation>
    </message>
    <message>
        <source>LayerNorm normalizes the last dimensions {wanted}, but the input is {shape}.</source>
        <translation>LayerNorm 对最后几维 {wanted} 做归一化，但输入是 {shape}。</translation>
    </message>
    <message>
        <source>GroupNorm expects (N, C, …) input, but gets {shape}.</source>
        <translation>GroupNorm 期望 (N, C, …) 形状的输入，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>Each GroupNorm group of {shape} holds a single value: there is nothing to normalize.</source>
        <translation>{shape} 的每个 GroupNorm 组只有一个值：没有可以归一化的东西。</translation>
    </message>
    <message>
        <source>more than one value per group</source>
        <translation>每组多于一个值</translation>
    </message>
    <message>
        <source>InstanceNorm2d normalizes over height × width, which is 1 × 1 in {shape}: there is nothing to normalize.</source>
        <translation>InstanceNorm2d 在高 × 宽上做归一化，而 {shape} 中它是 1 × 1：没有可以归一化的东西。</translation>
    </message>
    <message>
        <source>more than one spatial element</source>
        <translation>多于一个空间元素</translation>
    </message>
    <message>
        <source>PReLU has {count} slopes, but the input {shape} has {channels} channels. Use 1 slope or one per channel.</source>
        <translation>PReLU 有 {count} 个斜率，但输入 {shape} 有 {channels} 个通道。请用 1 个斜率，或每个通道一个。</translation>
    </message>
    <message>
        <source>{kind}(dim={dim}) needs a dimension between {low} and {high} for the input {shape}.</source>
        <translation>对于输入 {shape}，{kind}(dim={dim}) 需要介于 {low} 和 {high} 之间的维度。</translation>
    </message>
    <message>
        <source>Flatten(start_dim={start}, end_dim={end}) does not fit the {rank}-d input {shape}.</source>
        <translation>Flatten(start_dim={start}, end_dim={end}) 不适用于 {rank} 维输入 {shape}。</translation>
    </message>
    <message>
        <source>start_dim ≤ end_dim within the input</source>
        <translation>在输入范围内且 start_dim ≤ end_dim</translation>
    </message>
    <message>
        <source>Unflatten(dim={dim}) is outside the input {shape}.</source>
        <translation>Unflatten(dim={dim}) 超出了输入 {shape} 的维度范围。</translation>
    </message>
    <message>
        <source>a dimension of the input</source>
        <translation>输入的某一维</translation>
    </message>
    <message>
        <source>Unflatten splits dimension {dim} ({size}) into {sizes}, but those multiply to {product}.</source>
        <translation>Unflatten 把第 {dim} 维（{size}）拆成 {sizes}，但它们的乘积是 {product}。</translation>
    </message>
    <message>
        <source>sizes whose product is {size}</source>
        <translation>乘积为 {size} 的各维大小</translation>
    </message>
    <message>
        <source>Embedding looks up integer token ids, but gets floating-point values. Put the Embedding first: the design&apos;s input is then a tensor of token ids.</source>
        <translation>Embedding 查找的是整数词元 id，但收到的是浮点数。请把 Embedding 放在最前面：这样设计的输入就是一个词元 id 张量。</translation>
    </message>
    <message>
        <source>integer token ids</source>
        <translation>整数词元 id</translation>
    </message>
    <message>
        <source>TransformerEncoderLayer expects a 3-d {order} or 2-d (S, E) input, but gets {shape}.</source>
        <translation>TransformerEncoderLayer 期望 3 维 {order} 或 2 维 (S, E) 的输入，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>TransformerEncoderLayer expects {d_model} features per token (d_model), but the input {shape} has {got}.</source>
        <translation>TransformerEncoderLayer 期望每个词元有 {d_model} 个特征（d_model），但输入 {shape} 有 {got} 个。</translation>
    </message>
    <message>
        <source>{kind} drops whole channels, so it needs at least 2 dimensions, but gets {shape}.</source>
        <translation>{kind} 会丢弃整个通道，所以输入至少需要 2 维，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>{what} gives a {type}, not a tensor, so nothing can follow it in a Sequential.</source>
        <translation>{what} 返回的是 {type} 而不是张量，所以在 Sequential 中它后面不能再接任何层。</translation>
    </message>
    <message>
        <source>one tensor out</source>
        <translation>输出一个张量</translation>
    </message>
    <message>
        <source>The layer returns more than one tensor, so nothing can follow it in a Sequential.</source>
        <translation>这个层返回多个张量，所以在 Sequential 中它后面不能再接任何层。</translation>
    </message>
    <message>
        <source>Let {name} follow the input, now {value} on block {path}</source>
        <translation>让块 {path} 的 {name} 跟随输入，当前为 {value}</translation>
    </message>
    <message>
        <source>let {name} follow the input, now {value}</source>
        <translation>让 {name} 跟随输入，当前为 {value}</translation>
    </message>
    <message>
        <source>Let {name} follow the input ({value}) on block {path}</source>
        <translation>让块 {path} 的 {name} 跟随输入（{value}）</translation>
    </message>
    <message>
        <source>let {name} follow the input ({value})</source>
        <translation>让 {name} 跟随输入（{value}）</translation>
    </message>
    <message>
        <source>Insert {layer} before block {path}</source>
        <translation>在块 {path} 前插入 {layer}</translation>
    </message>
    <message>
        <source>Insert Flatten and {then}</source>
        <translation>插入 Flatten，并{then}</translation>
    </message>
    <message>
        <source>{kind} pads with &apos;{mode}&apos;, which needs padding ({pad}) smaller than the input size {size}.</source>
        <translation>{kind} 使用 &apos;{mode}&apos; 填充，这要求 padding（{pad}）小于输入大小 {size}。</translation>
    </message>
    <message>
        <source>The kernel ({span} wide with dilation) is larger than the padded input ({padded}) of {shape}.</source>
        <translation>卷积核（含空洞后宽 {span}）大于 {shape} 填充后的输入（{padded}）。</translation>
    </message>
    <message>
        <source>The padding ({pad}) removes more than the output has: {shape} would become {length} long.</source>
        <translation>padding（{pad}）去掉的比输出本身还多：{shape} 会变成长度 {length}。</translation>
    </message>
    <message>
        <source>a smaller padding</source>
        <translation>更小的 padding</translation>
    </message>
    <message>
        <source>The pooling window ({kernel}) is larger than the padded input ({padded}) of {shape}.</source>
        <translation>池化窗口（{kernel}）大于 {shape} 填充后的输入（{padded}）。</translation>
    </message>
    <message>
        <source>Use a batch of {count} inputs</source>
        <translation>使用大小为 {count} 的批次</translation>
    </message>
    <message>
        <source>GroupNorm splits the {channels} channels of {shape} into {groups} groups, but {channels} is not divisible by {groups}.</source>
        <translation>GroupNorm 把 {shape} 的 {channels} 个通道分成 {groups} 组，但 {channels} 不能被 {groups} 整除。</translation>
    </message>
    <message>
        <source>channels divisible by {groups}</source>
        <translation>通道数能被 {groups} 整除</translation>
    </message>
    <message>
        <source>{what} cannot take an input of shape {shape}: {reason}</source>
        <translation>{what} 不能接受形状为 {shape} 的输入：{reason}</translation>
    </message>
    <message>
        <source>an input its forward accepts</source>
        <translation>它的 forward 能接受的输入</translation>
    </message>
    <message>
        <source>The layer cannot take an input of shape {shape}: {reason}</source>
        <translation>这个层不能接受形状为 {shape} 的输入：{reason}</translation>
    </message>
    <message>
        <source>a shape the layer accepts</source>
        <translation>这个层能接受的形状</translation>
    </message>
    <message>
        <source>the child name {name!r} is a number with a leading zero or more than {digits} digits; number children as nn.Sequential does: &apos;0&apos;, &apos;1&apos;, ….</source>
        <translation>子层名 {name!r} 是带前导零或超过 {digits} 位的数字；请像 nn.Sequential 那样给子层编号：&apos;0&apos;、&apos;1&apos;、…。</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>child {name}&apos;s kind must be a layer kind&apos;s name, such as &apos;Linear&apos;.</source>
        <translation>子层 {name} 的种类必须是某个层种类的名字，例如 &apos;Linear&apos;。</translation>
    </message>
    <message>
        <source>child {name}&apos;s arguments must be a list of (hyperparameter, expression) pairs.</source>
        <translation>子层 {name} 的参数必须是由（超参数, 表达式）对组成的列表。</translation>
    </message>
    <message>
        <source>the argument {key} of {name}</source>
        <translation>{name} 的参数 {key}</translation>
    </message>
    <message>
        <source>child {name}&apos;s children must be a list of ChildSpecs.</source>
        <translation>子层 {name} 的子层必须是由 ChildSpec 组成的列表。</translation>
    </message>
    <message>
        <source>child {name} is an nn.Sequential, which takes no arguments but its children ({argument} was given).</source>
        <translation>子层 {name} 是 nn.Sequential，除了它的子层外不接受任何参数（却给了 {argument}）。</translation>
    </message>
    <message>
        <source>the Sequential {name} has more than {limit} children.</source>
        <translation>Sequential {name} 的子层超过了 {limit} 个。</translation>
    </message>
    <message>
        <source>a block has between 1 and {limit} children.</source>
        <translation>一个块有 1 到 {limit} 个子层。</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>forward 表达式</translation>
    </message>
    <message>
        <source>{name} cannot contain itself (child {child}).</source>
        <translation>{name} 不能包含它自己（子层 {child}）。</translation>
    </message>
    <message>
        <source>child {name}&apos;s arguments are (hyperparameter, expression) pairs.</source>
        <translation>子层 {name} 的参数是（超参数, 表达式）对。</translation>
    </message>
    <message>
        <source>child {name} has an invalid or repeated argument name {key!r}.</source>
        <translation>子层 {name} 的参数名 {key!r} 无效或重复。</translation>
    </message>
    <message>
        <source>child {name} is a {kind}; only a {sequential} child has children of its own.</source>
        <translation>子层 {name} 是 {kind}；只有 {sequential} 子层才能有自己的子层。</translation>
    </message>
    <message>
        <source>each child of the Sequential {name} is a ChildSpec(name, kind, arguments).</source>
        <translation>Sequential {name} 的每个子层都是一个 ChildSpec(name, kind, arguments)。</translation>
    </message>
    <message>
        <source>the Sequential {name} has two children called {entry!r}.</source>
        <translation>Sequential {name} 有两个都叫 {entry!r} 的子层。</translation>
    </message>
    <message>
        <source>the Sequential {name} nests Sequentials more than {limit} deep.</source>
        <translation>Sequential {name} 中 Sequential 的嵌套超过了 {limit} 层。</translation>
    </message>
    <message>
        <source>each child is a ChildSpec(name, kind, arguments).</source>
        <translation>每个子层都是一个 ChildSpec(name, kind, arguments)。</translation>
    </message>
    <message>
        <source>{name}&apos;s forward never uses its input x; write e.g. out(relu(hidden(x))).</source>
        <translation>{name} 的 forward 从未用到它的输入 x；请写成例如 out(relu(hidden(x)))。</translation>
    </message>
    <message>
        <source>the name {child!r} is used twice in this definition: each hyperparameter, parameter and child needs its own.</source>
        <translation>名字 {child!r} 在这个定义中用了两次：每个超参数、参数和子层都需要自己的名字。</translation>
    </message>
    <message>
        <source>a block holds at most {limit} children, counting those inside its Sequentials.</source>
        <translation>一个块最多容纳 {limit} 个子层（包括其 Sequential 内部的子层）。</translation>
    </message>
    <message>
        <source>{name}&apos;s forward</source>
        <translation>{name} 的 forward</translation>
    </message>
    <message>
        <source>the argument {key} of child {child} ({source!r})</source>
        <translation>子层 {child} 的参数 {key}（{source!r}）</translation>
    </message>
    <message>
        <source>a definition&apos;s expressions are only checked here, not run</source>
        <translation>定义中的表达式在这里只做检查，不会运行</translation>
    </message>
    <message>
        <source>{text!r}: an argument must be a number or a short text</source>
        <translation>{text!r}：参数必须是数字或简短的文本</translation>
    </message>
    <message>
        <source>{name} must be an integer, a number or True/False, not {type}.</source>
        <translation>{name} 必须是整数、数字或 True/False，而不是 {type}。</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>an initial value must be text such as &apos;randn&apos; or &apos;normal_(std=0.01)&apos;</source>
        <translation>初始值必须是文本，例如 &apos;randn&apos; 或 &apos;normal_(std=0.01)&apos;</translation>
    </message>
    <message>
        <source>the initial value is longer than {limit} characters</source>
        <translation>初始值超过了 {limit} 个字符</translation>
    </message>
    <message>
        <source>{text!r} is not an initial value; write e.g. &apos;randn&apos; or &apos;normal_(std=0.01)&apos;</source>
        <translation>{text!r} 不是初始值；请写成例如 &apos;randn&apos; 或 &apos;normal_(std=0.01)&apos;</translation>
    </message>
    <message>
        <source>unknown initial value {name!r}: use one of {creations} or a torch.nn.init function ({functions})</source>
        <translation>未知的初始值 {name!r}：请使用 {creations} 之一，或某个 torch.nn.init 函数（{functions}）</translation>
    </message>
    <message>
        <source>a {what} cannot be called {name!r}: every nn.Module (or the generated code) already uses that name. Choose another.</source>
        <translation>{what}不能叫 {name!r}：每个 nn.Module（或生成的代码）都已经在用这个名字。请换一个。</translation>
    </message>
    <message>
        <source>a {what} cannot be called {name!r}: that is a function forward expressions call. Choose another.</source>
        <translation>{what}不能叫 {name!r}：这是 forward 表达式会调用的函数。请换一个。</translation>
    </message>
    <message>
        <source>the name {name!r} is used twice in this definition: each hyperparameter, parameter and child needs its own.</source>
        <translation>名字 {name!r} 在这个定义中用了两次：每个超参数、参数和子层都需要自己的名字。</translation>
    </message>
    <message>
        <source>hyperparameters must be a list of (name, default value) pairs.</source>
        <translation>超参数必须是由（名字, 默认值）对组成的列表。</translation>
    </message>
    <message>
        <source>a definition has at most {limit} hyperparameters.</source>
        <translation>一个定义最多有 {limit} 个超参数。</translation>
    </message>
    <message>
        <source>{field} must be text, not {type}.</source>
        <translation>{field} 必须是文本，而不是 {type}。</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} 超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{name} takes no arguments (its shape is the parameter&apos;s)</source>
        <translation>{name} 不接受参数（它的形状就是参数的形状）</translation>
    </message>
    <message>
        <source>{text!r}: give the arguments by name, e.g. normal_(std=0.01)</source>
        <translation>{text!r}：请按名字给出参数，例如 normal_(std=0.01)</translation>
    </message>
    <message>
        <source>nn.init.{name} has no argument {arg!r} (it takes {known})</source>
        <translation>nn.init.{name} 没有参数 {arg!r}（它接受 {known}）</translation>
    </message>
    <message>
        <source>each hyperparameter is a (name, default value) pair.</source>
        <translation>每个超参数都是一个（名字, 默认值）对。</translation>
    </message>
    <message>
        <source>{name} = {value} is too large (at most {limit:,}).</source>
        <translation>{name} = {value} 太大了（最多 {limit:,}）。</translation>
    </message>
    <message>
        <source>{name} = {value} must be a finite number of sensible size.</source>
        <translation>{name} = {value} 必须是大小合理的有限数。</translation>
    </message>
    <message>
        <source>expected &apos;layer&apos; or &apos;block&apos;, found {found!r}</source>
        <translation>应为 &apos;layer&apos; 或 &apos;block&apos;，实际是 {found!r}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>expected {names}, found {type}</source>
        <translation>应为 {names}，实际是 {type}</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过了 {limit} 个字符</translation>
    </message>
    <message>
        <source>{count} entries is more than {limit}</source>
        <translation>{count} 项，超过了 {limit}</translation>
    </message>
    <message>
        <source>expected a dict, found {type}</source>
        <translation>应为 dict，实际是 {type}</translation>
    </message>
    <message>
        <source>Sequentials nest more than {limit} deep</source>
        <translation>Sequential 的嵌套超过了 {limit} 层</translation>
    </message>
    <message>
        <source>expected a list, found {type}</source>
        <translation>应为 list，实际是 {type}</translation>
    </message>
    <message>
        <source>{count} definitions is more than LayerLab opens ({limit})</source>
        <translation>{count} 个定义，超过了 LayerLab 能打开的数量（{limit}）</translation>
    </message>
    <message>
        <source>{twice!r} is defined twice</source>
        <translation>{twice!r} 被定义了两次</translation>
    </message>
    <message>
        <source>expected a [name, value] pair</source>
        <translation>应为 [名字, 值] 对</translation>
    </message>
    <message>
        <source>a block holds at most {limit} children, counting those inside its Sequentials</source>
        <translation>一个块最多容纳 {limit} 个子层（包括其 Sequential 内部的子层）</translation>
    </message>
    <message>
        <source>each argument&apos;s value is an expression (text)</source>
        <translation>每个参数的值都是一个表达式（文本）</translation>
    </message>
    <message>
        <source>only a {sequential} child has children of its own</source>
        <translation>只有 {sequential} 子层才能有自己的子层</translation>
    </message>
    <message>
        <source>expected a list of hyperparameter names</source>
        <translation>应为由超参数名组成的列表</translation>
    </message>
    <message>
        <source>expected a list of expressions (text)</source>
        <translation>应为由表达式（文本）组成的列表</translation>
    </message>
    <message>
        <source>auto must be a list of hyperparameter names, such as (&apos;in_units&apos;,).</source>
        <translation>auto 必须是由超参数名组成的列表，例如 (&apos;in_units&apos;,)。</translation>
    </message>
    <message>
        <source>auto names a hyperparameter twice.</source>
        <translation>auto 中同一个超参数出现了两次。</translation>
    </message>
    <message>
        <source>the shape of {name} must be a list of at most {limit} sizes, such as (&apos;in_units&apos;, &apos;units&apos;).</source>
        <translation>{name} 的形状必须是最多 {limit} 个大小组成的列表，例如 (&apos;in_units&apos;, &apos;units&apos;)。</translation>
    </message>
    <message>
        <source>registered must be True or False for {name}.</source>
        <translation>{name} 的 registered 必须是 True 或 False。</translation>
    </message>
    <message>
        <source>parameters must be a list of at most {limit} ParameterSpecs.</source>
        <translation>参数必须是最多 {limit} 个 ParameterSpec 组成的列表。</translation>
    </message>
    <message>
        <source>{name}&apos;s forward never uses its input x; write an expression over x, such as x - x.mean().</source>
        <translation>{name} 的 forward 从未用到它的输入 x；请写一个关于 x 的表达式，例如 x - x.mean()。</translation>
    </message>
    <message>
        <source>auto names {name!r}, which is not a hyperparameter of this layer (it has {known}).</source>
        <translation>auto 中的 {name!r} 不是这个层的超参数（它有 {known}）。</translation>
    </message>
    <message>
        <source>{name} cannot follow the input: only a whole-number hyperparameter can be the size of the input&apos;s last dimension.</source>
        <translation>{name} 不能跟随输入：只有整数超参数才能作为输入最后一维的大小。</translation>
    </message>
    <message>
        <source>these blocks contain each other ({loop}), so none of them could be built.</source>
        <translation>这些块相互包含（{loop}），所以一个都无法构建。</translation>
    </message>
    <message>
        <source>each size in the shape of {name} is an expression (text) over the hyperparameters, such as &apos;units&apos; or &apos;2 * units&apos;.</source>
        <translation>{name} 形状中的每个大小都是关于超参数的表达式（文本），例如 &apos;units&apos; 或 &apos;2 * units&apos;。</translation>
    </message>
    <message>
        <source>each parameter is a ParameterSpec(name, shape, init, registered).</source>
        <translation>每个参数都是一个 ParameterSpec(name, shape, init, registered)。</translation>
    </message>
    <message>
        <source>{name} has a child of kind {used!r}, which is neither a catalog layer nor a defined layer or block. Define {used} first.</source>
        <translation>{name} 有一个种类为 {used!r} 的子层，它既不是层目录中的层，也不是已定义的层或块。请先定义 {used}。</translation>
    </message>
    <message>
        <source>the shape of {spec} ({entry!r})</source>
        <translation>{spec} 的形状（{entry!r}）</translation>
    </message>
    <message>
        <source>{problem} (line {line}, column {column})</source>
        <translation>{problem}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>repeating a text or tuple with * is not allowed</source>
        <translation>不允许用 * 重复文本或元组</translation>
    </message>
    <message>
        <source>an expression must be text, not {type}</source>
        <translation>表达式必须是文本，而不是 {type}</translation>
    </message>
    <message>
        <source>the expression is longer than {limit} characters</source>
        <translation>表达式超过了 {limit} 个字符</translation>
    </message>
    <message>
        <source>only a function name can be called; the functions available are {known}</source>
        <translation>只能调用函数名；可用的函数有 {known}</translation>
    </message>
    <message>
        <source>this would make a tensor of {count:,} values (shape {shape}), more than the limit ({limit:,}, or the largest input if larger): an expression may not grow its tensors</source>
        <translation>这会生成一个含 {count:,} 个值的张量（形状 {shape}），超过了上限（{limit:,}，若最大的输入更大则以它为准）：表达式不能让张量变大</translation>
    </message>
    <message>
        <source>this would make a tensor of {count:,} values (shape {shape}), more than the largest input ({limit:,}): an expression may not grow its tensors</source>
        <translation>这会生成一个含 {count:,} 个值的张量（形状 {shape}），超过了最大的输入（{limit:,}）：表达式不能让张量变大</translation>
    </message>
    <message>
        <source>{base} ** {exponent} is too large to compute</source>
        <translation>{base} ** {exponent} 太大，无法计算</translation>
    </message>
    <message>
        <source>&apos;{source}&apos; gives a number too large to use ({bits} bits)</source>
        <translation>&apos;{source}&apos; 得到的数太大，无法使用（{bits} 位）</translation>
    </message>
    <message>
        <source>syntax error: {msg}</source>
        <translation>语法错误：{msg}</translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation>表达式嵌套太深</translation>
    </message>
    <message>
        <source>{what} is not allowed here</source>
        <translation>这里不允许使用 {what}</translation>
    </message>
    <message>
        <source>the constant {value!r} is not allowed</source>
        <translation>不允许使用常量 {value!r}</translation>
    </message>
    <message>
        <source>the name {name!r} is not allowed: names starting with __ reach Python&apos;s internals</source>
        <translation>不允许使用名字 {name!r}：以 __ 开头的名字会触及 Python 的内部</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a function; call it like {name}(...)</source>
        <translation>&apos;{name}&apos; 是函数；请像 {name}(...) 这样调用它</translation>
    </message>
    <message>
        <source>unknown name &apos;{name}&apos; (known names: {known})</source>
        <translation>未知的名字 &apos;{name}&apos;（已知的名字：{known}）</translation>
    </message>
    <message>
        <source>this unary operator is not allowed</source>
        <translation>不允许使用这个一元运算符</translation>
    </message>
    <message>
        <source>the operator {type} is not allowed</source>
        <translation>不允许使用运算符 {type}</translation>
    </message>
    <message>
        <source>attribute access (.{attr}) is not allowed: names starting with _ reach Python&apos;s internals</source>
        <translation>不允许访问属性（.{attr}）：以 _ 开头的名字会触及 Python 的内部</translation>
    </message>
    <message>
        <source>attribute access (.{attr}) is not allowed</source>
        <translation>不允许访问属性（.{attr}）</translation>
    </message>
    <message>
        <source>cannot call {id!r}: the functions available are {known}</source>
        <translation>不能调用 {id!r}：可用的函数有 {known}</translation>
    </message>
    <message>
        <source>cannot call the method .{attr}(): calls of methods are not allowed; the functions available are {known}</source>
        <translation>不能调用方法 .{attr}()：不允许调用方法；可用的函数有 {known}</translation>
    </message>
    <message>
        <source>&apos;{source}&apos; could not be evaluated: {reason}</source>
        <translation>无法计算 &apos;{source}&apos;：{reason}</translation>
    </message>
    <message>
        <source>unknown name &apos;{name}&apos;: here it is written {same} (known names: {known})</source>
        <translation>未知的名字 &apos;{name}&apos;：这里写作 {same}（已知的名字：{known}）</translation>
    </message>
    <message>
        <source>this comparison is not allowed</source>
        <translation>不允许使用这种比较</translation>
    </message>
    <message>
        <source>attribute access (.{attr}) is not allowed (the ones available are {known})</source>
        <translation>不允许访问属性（.{attr}）（可用的有 {known}）</translation>
    </message>
    <message>
        <source>cannot call {prefix}.{attr}: the functions available are {known}</source>
        <translation>不能调用 {prefix}.{attr}：可用的函数有 {known}</translation>
    </message>
    <message>
        <source>cannot call the method .{attr}(): the methods available are {methods}</source>
        <translation>不能调用方法 .{attr}()：可用的方法有 {methods}</translation>
    </message>
    <message>
        <source>cannot call the method .{attr}(): calls of methods are not allowed; write {attr}({owner}) instead</source>
        <translation>不能调用方法 .{attr}()：不允许调用方法；请改写为 {attr}({owner})</translation>
    </message>
    <message>
        <source>**keyword unpacking is not allowed</source>
        <translation>不允许使用 ** 关键字解包</translation>
    </message>
    <message>
        <source>out= is not allowed: an expression computes new values and never writes into its inputs</source>
        <translation>不允许使用 out=：表达式只计算新的值，从不写入它的输入</translation>
    </message>
    <message>
        <source>the keyword argument {arg}= is not allowed; the ones available are {names}</source>
        <translation>不允许使用关键字参数 {arg}=；可用的有 {names}</translation>
    </message>
    <message>
        <source>unknown name &apos;{name}&apos;</source>
        <translation>未知的名字 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{code} failed: {reason}</source>
        <translation>{code} 失败：{reason}</translation>
    </message>
    <message>
        <source>.{name}() is a tensor method, but {type} is not a tensor</source>
        <translation>.{name}() 是张量的方法，但 {type} 不是张量</translation>
    </message>
    <message>
        <source>.{name} is a tensor attribute, but {type} is not a tensor</source>
        <translation>.{name} 是张量的属性，但 {type} 不是张量</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>hyperparameter</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>child</source>
        <translation>子层</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>a {what} name must be text, not {type}</source>
        <translation>{what}名必须是文本，而不是 {type}</translation>
    </message>
    <message>
        <source>a {what} needs a name</source>
        <translation>{what}需要一个名字</translation>
    </message>
    <message>
        <source>the {what} name {name} is longer than {limit} characters</source>
        <translation>{what}名 {name} 超过了 {limit} 个字符</translation>
    </message>
    <message>
        <source>the {what} name {name} is not a Python identifier: use letters, digits and _, not starting with a digit</source>
        <translation>{what}名 {name} 不是合法的 Python 标识符：请使用字母、数字和 _，且不要以数字开头</translation>
    </message>
    <message>
        <source>the {what} name {name} is a Python keyword</source>
        <translation>{what}名 {name} 是 Python 关键字</translation>
    </message>
    <message>
        <source>the {what} name {name} starts with _: Python keeps such names for internals</source>
        <translation>{what}名 {name} 以 _ 开头：Python 把这样的名字留给内部使用</translation>
    </message>
    <message>
        <source>{path} in your library is not a regular file.</source>
        <translation>你的库中的 {path} 不是普通文件。</translation>
    </message>
    <message>
        <source>{path} in your library is not a LayerLab definition.</source>
        <translation>你的库中的 {path} 不是 LayerLab 定义。</translation>
    </message>
    <message>
        <source>{path} in your library was written by another LayerLab version ({version}).</source>
        <translation>你的库中的 {path} 是由另一个 LayerLab 版本（{version}）写出的。</translation>
    </message>
    <message>
        <source>{path} in your library holds {definition!r}, not {name!r}.</source>
        <translation>你的库中的 {path} 存放的是 {definition!r}，而不是 {name!r}。</translation>
    </message>
    <message>
        <source>There is no {name} in your library ({folder}).</source>
        <translation>你的库（{folder}）中没有 {name}。</translation>
    </message>
    <message>
        <source>{path} in your library cannot be read: {reason}</source>
        <translation>无法读取你的库中的 {path}：{reason}</translation>
    </message>
    <message>
        <source>{definition}() takes {want} hyperparameters but {got} were given</source>
        <translation>{definition}() 接受 {want} 个超参数，但给了 {got} 个</translation>
    </message>
    <message>
        <source>{definition}() got an unexpected keyword argument {key!r}</source>
        <translation>{definition}() 收到了意外的关键字参数 {key!r}</translation>
    </message>
    <message>
        <source>{definition}() got multiple values for argument {key!r}</source>
        <translation>{definition}() 的参数 {key!r} 收到了多个值</translation>
    </message>
    <message>
        <source>nn.init.{name} cannot fill {spec} of shape {shape}: {reason}</source>
        <translation>nn.init.{name} 无法填充形状为 {shape} 的 {spec}：{reason}</translation>
    </message>
    <message>
        <source>{definition}: the shape of {spec} needs whole numbers ≥ 0, but {entry} is {size!r} (with {used}). Change the hyperparameters.</source>
        <translation>{definition}：{spec} 的形状需要 ≥ 0 的整数，但 {entry} 是 {size!r}（此时 {used}）。请修改超参数。</translation>
    </message>
    <message>
        <source>{definition}: the shape of {spec} needs whole numbers ≥ 0, but {entry} is {size!r}. Change the hyperparameters.</source>
        <translation>{definition}：{spec} 的形状需要 ≥ 0 的整数，但 {entry} 是 {size!r}。请修改超参数。</translation>
    </message>
    <message>
        <source>{definition}: the shape of {spec} could not be worked out: {reason}</source>
        <translation>{definition}：无法算出 {spec} 的形状：{reason}</translation>
    </message>
    <message>
        <source>This {kind}</source>
        <translation>这个 {kind}</translation>
    </message>
    <message>
        <source>{what} holds tensors on the meta device, which have shapes but no values ({names}), so LayerLab cannot hold it. Give it values first, e.g. module.to_empty(device=&quot;cpu&quot;) and then module.reset_parameters(); or add the layer from LayerLab&apos;s palette (or with append_layer), which keeps a layer too large for memory unallocated and materializes it with its seed&apos;s values.</source>
        <translation>{what}含有 meta 设备上的张量，它们只有形状、没有值（{names}），所以 LayerLab 无法容纳它。请先给它值，例如 module.to_empty(device=&quot;cpu&quot;)，再调用 module.reset_parameters()；或者从 LayerLab 的层面板添加这个层（或用 append_layer），这样放不进内存的层会保持未分配，实体化时会得到种子给出的值。</translation>
    </message>
    <message>
        <source>The design cannot contain itself: project.model cannot be inserted into it.</source>
        <translation>设计不能包含它自己：不能把 project.model 插入其中。</translation>
    </message>
    <message>
        <source>{where}slot {key!r} of a Sequential holds None, not a module.</source>
        <translation>{where}Sequential 的槽位 {key!r} 存放的是 None，而不是模块。</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>没有详细信息</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Cannot {verb} while an operation is running; wait until it has finished.</source>
        <translation>有操作正在运行时不能{verb}；请等它完成。</translation>
    </message>
    <message>
        <source>revert and replay take a Transaction (from &apos;with project.transaction() as tx:&apos;), not {type}.</source>
        <translation>revert 和 replay 接受的是 Transaction（来自 &apos;with project.transaction() as tx:&apos;），而不是 {type}。</translation>
    </message>
    <message>
        <source>Block {path} is not allocated, so it cannot take values: materialize it first.</source>
        <translation>块 {path} 没有分配，所以不能接收值：请先将它实体化。</translation>
    </message>
    <message>
        <source>Could not {verb} {tx!r} ({type}: {reason}). The design is as it was before.</source>
        <translation>无法{verb} {tx!r}（{type}：{reason}）。设计保持原样。</translation>
    </message>
    <message>
        <source>it was undone already</source>
        <translation>它已经被撤销了</translation>
    </message>
    <message>
        <source>later steps came after it: undo those first</source>
        <translation>它之后还有别的步骤：请先撤销那些步骤</translation>
    </message>
    <message>
        <source>Cannot undo {tx!r}: {reason}.</source>
        <translation>无法撤销 {tx!r}：{reason}。</translation>
    </message>
    <message>
        <source>it is not undone</source>
        <translation>它没有被撤销</translation>
    </message>
    <message>
        <source>it is not the step undone last (or the design changed since)</source>
        <translation>它不是最后撤销的那一步（或者设计在那之后改变了）</translation>
    </message>
    <message>
        <source>Cannot redo {tx!r}: {reason}.</source>
        <translation>无法重做 {tx!r}：{reason}。</translation>
    </message>
    <message>
        <source>project.model was changed directly, with something LayerLab cannot hold, so that change was undone: {reason}</source>
        <translation>project.model 被直接修改，放入了 LayerLab 无法容纳的东西，所以这次修改已被撤回：{reason}</translation>
    </message>
    <message>
        <source>shapes did not settle</source>
        <translation>形状推断没有收敛</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names} 以及另外 {more} 个</translation>
    </message>
    <message>
        <source>This module is shared with block {names}, which receives a different shape, and one module cannot take both: change the layer that feeds one of them instead.</source>
        <translation>这个模块与块 {names} 共享，而后者收到的形状不同，一个模块无法同时接受两者：请改为修改为其中一个提供输入的层。</translation>
    </message>
    <message>
        <source>This module is shared with blocks {names}, which do not all receive the same shape, and one module cannot take them all: change the layers that feed them instead.</source>
        <translation>这个模块与块 {names} 共享，而它们收到的形状并不都相同，一个模块无法全部接受：请改为修改为它们提供输入的层。</translation>
    </message>
    <message>
        <source>The design has no input shape yet: set one, e.g. project.input_shape = (1, 20).</source>
        <translation>设计还没有输入形状：请设置一个，例如 project.input_shape = (1, 20)。</translation>
    </message>
    <message>
        <source>Sequentials can be nested at most {limit} deep in a design (as deep as a project file holds), and this would put {where} {depth} deep. Ungroup some of the groups around it, or build the inner part flatter.</source>
        <translation>一个设计中的 Sequential 最多只能嵌套 {limit} 层（项目文件能保存的最大深度），而这会让{where}处在第 {depth} 层。请解散它外层的一些组，或者把内部结构搭得扁平一些。</translation>
    </message>
    <message>
        <source>the group at {path}</source>
        <translation>位于 {path} 的组</translation>
    </message>
    <message>
        <source>a group</source>
        <translation>一个组</translation>
    </message>
    <message>
        <source>a tuple of 1 to 8 positive integers</source>
        <translation>由 1 到 8 个正整数组成的元组</translation>
    </message>
    <message>
        <source>a name without dots that is not just digits, e.g. &apos;encoder&apos;</source>
        <translation>不含点号、也不全是数字的名字，例如 &apos;encoder&apos;</translation>
    </message>
    <message>
        <source>The seed must be an integer, not {seed}.</source>
        <translation>种子必须是整数，而不是 {seed}。</translation>
    </message>
    <message>
        <source>The seed {seed} is out of range.</source>
        <translation>种子 {seed} 超出了范围。</translation>
    </message>
    <message>
        <source>An input shape needs 1 to 8 sizes, got {count}.</source>
        <translation>输入形状需要 1 到 8 个大小，实际有 {count} 个。</translation>
    </message>
    <message>
        <source>An input of shape {shape} would hold {total:,} numbers; use at most 2**31.</source>
        <translation>形状为 {shape} 的输入将包含 {total:,} 个数；最多只能有 2**31 个。</translation>
    </message>
    <message>
        <source>MPS (Apple GPU) is not available on this machine; use &apos;cpu&apos;.</source>
        <translation>这台机器上没有可用的 MPS（Apple GPU）；请使用 &apos;cpu&apos;。</translation>
    </message>
    <message>
        <source>LayerLab supports cpu, cuda and mps devices, not {type!r}.</source>
        <translation>LayerLab 支持 cpu、cuda 和 mps 设备，不支持 {type!r}。</translation>
    </message>
    <message>
        <source>A label must be text, not {type}.</source>
        <translation>标签必须是文本，而不是 {type}。</translation>
    </message>
    <message>
        <source>{label!r} is already an attribute of nn.Sequential; choose another label.</source>
        <translation>{label!r} 已经是 nn.Sequential 的一个属性；请换一个标签。</translation>
    </message>
    <message>
        <source>{label!r} cannot be a label: use {valid}.</source>
        <translation>{label!r} 不能作为标签：请使用{valid}。</translation>
    </message>
    <message>
        <source>Another block in this group is already called {label!r}.</source>
        <translation>这个组中已经有另一个块叫 {label!r}。</translation>
    </message>
    <message>
        <source>an integer from 0 to 2**64 - 1</source>
        <translation>0 到 2**64 - 1 之间的整数</translation>
    </message>
    <message>
        <source>An input shape is a tuple of sizes like (1, 20), not {shape!r}.</source>
        <translation>输入形状是由大小组成的元组，例如 (1, 20)，而不是 {shape!r}。</translation>
    </message>
    <message>
        <source>Input sizes must be at least 1, got {value}.</source>
        <translation>输入的各维大小至少为 1，实际是 {value}。</translation>
    </message>
    <message>
        <source>{device!r} is not a device name ({reason}). Use &apos;cpu&apos;, &apos;cuda&apos;, &apos;cuda:0&apos; or &apos;mps&apos;.</source>
        <translation>{device!r} 不是设备名（{reason}）。请使用 &apos;cpu&apos;、&apos;cuda&apos;、&apos;cuda:0&apos; 或 &apos;mps&apos;。</translation>
    </message>
    <message>
        <source>CUDA is not available on this machine (torch.cuda.is_available() is False); use &apos;cpu&apos;.</source>
        <translation>这台机器上没有可用的 CUDA（torch.cuda.is_available() 为 False）；请使用 &apos;cpu&apos;。</translation>
    </message>
    <message>
        <source>There is no cuda:{index}: this machine has {count} CUDA device(s), cuda:0 to cuda:{last}.</source>
        <translation>没有 cuda:{index}：这台机器有 {count} 个 CUDA 设备，即 cuda:0 到 cuda:{last}。</translation>
    </message>
    <message>
        <source>cpu, cuda, cuda:N or mps</source>
        <translation>cpu、cuda、cuda:N 或 mps</translation>
    </message>
    <message>
        <source>a name like &apos;encoder&apos;</source>
        <translation>类似 &apos;encoder&apos; 的名字</translation>
    </message>
    <message>
        <source>a name not used in this group</source>
        <translation>这个组中尚未使用的名字</translation>
    </message>
    <message>
        <source>The seed must be an integer, not {type}.</source>
        <translation>种子必须是整数，而不是 {type}。</translation>
    </message>
    <message>
        <source>Input sizes must be integers, got {value!r}.</source>
        <translation>输入的各维大小必须是整数，实际是 {value!r}。</translation>
    </message>
    <message>
        <source>Block {path}: {problem}</source>
        <translation>块 {path}：{problem}</translation>
    </message>
    <message>
        <source>{problem} Suggested fix: {fix}.</source>
        <translation>{problem} 建议的修复：{fix}。</translation>
    </message>
    <message>
        <source>U(−{bound}, {bound}): {why}</source>
        <translation>服从 U(−{bound}, {bound})：{why}</translation>
    </message>
    <message>
        <source>N({mean}, {std}²): {why}</source>
        <translation>服从 N({mean}, {std}²)：{why}</translation>
    </message>
    <message>
        <source>every value = {value}: {why}</source>
        <translation>每个值 = {value}：{why}</translation>
    </message>
    <message>
        <source>{count} tensors</source>
        <translation>{count} 个张量</translation>
    </message>
    <message>
        <source>{count}: {parts}</source>
        <translation>共 {count}：{parts}</translation>
    </message>
    <message>
        <source>{listed} …</source>
        <translation>{listed} 等</translation>
    </message>
    <message>
        <source>N({mean}, {std}²) cut to [{a}, {b}]</source>
        <translation>N({mean}, {std}²)，截断到 [{a}, {b}]</translation>
    </message>
    <message>
        <source>identity matrix: ones on the diagonal, zeros elsewhere</source>
        <translation>单位矩阵：对角线上为 1，其余为 0</translation>
    </message>
    <message>
        <source>Dirac delta: a single 1 per filter, zeros elsewhere</source>
        <translation>狄拉克 delta：每个滤波器中只有一个 1，其余为 0</translation>
    </message>
    <message>
        <source>orthogonal_: entries ≈ N(0, {std}²), std ≈ gain/√{size}, {gain}</source>
        <translation>orthogonal_：各元素 ≈ N(0, {std}²)，std ≈ gain/√{size}，{gain}</translation>
    </message>
    <message>
        <source>sparse_: {share}% zeros, the rest N(0, {std}²)</source>
        <translation>sparse_：{share}% 为 0，其余服从 N(0, {std}²)</translation>
    </message>
    <message>
        <source>{kind} default</source>
        <translation>{kind} 的默认值</translation>
    </message>
    <message>
        <source>MultiheadAttention zeroes its out_proj bias</source>
        <translation>MultiheadAttention 会把它的 out_proj 偏置置零</translation>
    </message>
    <message>
        <source>{kind} default {name}, b = 1/√{size} = 1/√{fan_in}</source>
        <translation>{kind} 默认的 {name}，b = 1/√{size} = 1/√{fan_in}</translation>
    </message>
    <message>
        <source>{kind} default ({name})</source>
        <translation>{kind} 的默认值（{name}）</translation>
    </message>
    <message>
        <source>{kind} default {name}</source>
        <translation>{kind} 默认的 {name}</translation>
    </message>
    <message>
        <source>{kind} default, b = 1/√hidden_size</source>
        <translation>{kind} 的默认值，b = 1/√hidden_size</translation>
    </message>
    <message>
        <source>{count}: {parts}: {rule}</source>
        <translation>共 {count}：{parts}：{rule}</translation>
    </message>
    <message>
        <source>{count}, {distribution}: {rules}</source>
        <translation>共 {count}，均为 {distribution}：{rules}</translation>
    </message>
    <message>
        <source>{kind} default, {function}</source>
        <translation>{kind} 的默认值，{function}</translation>
    </message>
    <message>
        <source>There is no init function {name!r}. Choose one of: {names}.</source>
        <translation>没有初始化函数 {name!r}。请从以下函数中选择：{names}。</translation>
    </message>
    <message>
        <source>{function} has no argument {name!r}; it takes {takes}.</source>
        <translation>{function} 没有参数 {name!r}；它接受 {takes}。</translation>
    </message>
    <message>
        <source>constant_ needs val: the value to fill with, e.g. constant_(w, 0.5).</source>
        <translation>constant_ 需要 val：用来填充的值，例如 constant_(w, 0.5)。</translation>
    </message>
    <message>
        <source>sparse_ needs a sparsity: the fraction of each column to set to zero, e.g. 0.1.</source>
        <translation>sparse_ 需要 sparsity：每一列中要置零的比例，例如 0.1。</translation>
    </message>
    <message>
        <source>{function} needs a ≤ b, but a = {a} and b = {b}.</source>
        <translation>{function} 要求 a ≤ b，但 a = {a}，b = {b}。</translation>
    </message>
    <message>
        <source>trunc_normal_ needs std &gt; 0.</source>
        <translation>trunc_normal_ 要求 std &gt; 0。</translation>
    </message>
    <message>
        <source>{where}expected a number, not {value!r}.</source>
        <translation>{where}应为数字，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>{where}{value} is not a finite number.</source>
        <translation>{where}{value} 不是有限的数。</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>0 到 1 之间的数</translation>
    </message>
    <message>
        <source>a number ≥ 0</source>
        <translation>≥ 0 的数</translation>
    </message>
    <message>
        <source>{where}{value} is out of range: use {valid}.</source>
        <translation>{where}{value} 超出了范围：请使用{valid}。</translation>
    </message>
    <message>
        <source>calculate_gain does not know {nonlinearity!r}; choose one of {names}.</source>
        <translation>calculate_gain 不认识 {nonlinearity!r}；请从 {names} 中选择。</translation>
    </message>
    <message>
        <source>{some}- or {last}</source>
        <translation>{some} 或 {last}</translation>
    </message>
    <message>
        <source>{function} needs a {need}-D tensor, but {where} is {dims}-D {shape}. {hint} Nothing was changed.</source>
        <translation>{function} 需要 {need} 维张量，但{where}是 {dims} 维的 {shape}。{hint} 没有做任何更改。</translation>
    </message>
    <message>
        <source>Target the weights, not the biases</source>
        <translation>请作用于权重，而不是偏置</translation>
    </message>
    <message>
        <source>{function} works out fan_in and fan_out from the tensor&apos;s shape, so it needs at least 2 dimensions, but {where} is {dims}-D {shape}. {advice}, or choose a function such as zeros_, ones_, constant_, uniform_ or normal_. Nothing was changed.</source>
        <translation>{function} 根据张量的形状算出 fan_in 和 fan_out，所以至少需要 2 维，但{where}是 {dims} 维的 {shape}。{advice}，或者选择 zeros_、ones_、constant_、uniform_ 或 normal_ 这样的函数。没有做任何更改。</translation>
    </message>
    <message>
        <source>dirac_ with groups={groups} needs the first dimension of {where} ({size}) to divide evenly by the groups. Nothing was changed.</source>
        <translation>groups={groups} 的 dirac_ 要求{where}的第一维（{size}）能被组数整除。没有做任何更改。</translation>
    </message>
    <message>
        <source>a number ≤ {b}</source>
        <translation>≤ {b} 的数</translation>
    </message>
    <message>
        <source>a number &gt; 0</source>
        <translation>&gt; 0 的数</translation>
    </message>
    <message>
        <source>{where}{value!r} is not one of {names}.</source>
        <translation>{where}{value!r} 不是 {names} 之一。</translation>
    </message>
    <message>
        <source>{where}expected a whole number ≥ 1, not {value!r}.</source>
        <translation>{where}应为 ≥ 1 的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限的数</translation>
    </message>
    <message>
        <source>eye_ is for Linear weights; for convolution weights use dirac_.</source>
        <translation>eye_ 用于 Linear 的权重；卷积权重请用 dirac_。</translation>
    </message>
    <message>
        <source>dirac_ is for convolution weights; for Linear weights use eye_.</source>
        <translation>dirac_ 用于卷积权重；Linear 的权重请用 eye_。</translation>
    </message>
    <message>
        <source>sparse_ is for Linear weights.</source>
        <translation>sparse_ 用于 Linear 的权重。</translation>
    </message>
    <message>
        <source>A 1-D weight is a normalization layer&apos;s scale: limit the rule to one layer kind (every Linear or Conv2d)</source>
        <translation>一维的权重是归一化层的缩放系数：请把规则限定在一种层上（每个 Linear 或 Conv2d）</translation>
    </message>
    <message>
        <source>Target weights only (not biases or normalization weights)</source>
        <translation>请只作用于权重（不包括偏置和归一化层的权重）</translation>
    </message>
    <message>
        <source>{function} divides by the fan, which is 0 for {where} {shape}. Nothing was changed.</source>
        <translation>{function} 要除以 fan，而对{where} {shape} 来说它是 0。没有做任何更改。</translation>
    </message>
    <message>
        <source>a whole number ≥ 1</source>
        <translation>≥ 1 的整数</translation>
    </message>
    <message>
        <source>{name} of the {kind} block at {path}</source>
        <translation>位于 {path} 的 {kind} 块的 {name}</translation>
    </message>
    <message>
        <source>the number {value}</source>
        <translation>数 {value}</translation>
    </message>
    <message>
        <source>{function} on {what} of {where}</source>
        <translation>对{where}的{what}使用 {function}</translation>
    </message>
    <message>
        <source>a {dtype} tensor</source>
        <translation>{dtype} 张量</translation>
    </message>
    <message>
        <source>a whole number of {count} digits</source>
        <translation>一个 {count} 位的整数</translation>
    </message>
    <message>
        <source>{function} on {what} of {where}, then {expression}</source>
        <translation>对{where}的{what}使用 {function}，然后 {expression}</translation>
    </message>
    <message>
        <source>parameters must be one of {names}, not {parameters!r}.</source>
        <translation>parameters 必须是 {names} 之一，而不是 {parameters!r}。</translation>
    </message>
    <message>
        <source>custom rule: {sample}, then {expression}</source>
        <translation>自定义规则：{sample}，然后 {expression}</translation>
    </message>
    <message>
        <source>the weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>the biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>all parameters</source>
        <translation>所有参数</translation>
    </message>
    <message>
        <source>{count} chosen block</source>
        <translation>选中的 {count} 个块</translation>
    </message>
    <message>
        <source>{count} chosen blocks</source>
        <translation>选中的 {count} 个块</translation>
    </message>
    <message>
        <source>every {kind} in {blocks}</source>
        <translation>{blocks}中的每个 {kind}</translation>
    </message>
    <message>
        <source>every {kind}</source>
        <translation>每个 {kind}</translation>
    </message>
    <message>
        <source>the whole design</source>
        <translation>整个设计</translation>
    </message>
    <message>
        <source>{init} takes no gain; calculate_gain is for xavier_* and orthogonal_.</source>
        <translation>{init} 不接受 gain；calculate_gain 用于 xavier_* 和 orthogonal_。</translation>
    </message>
    <message>
        <source>Give either gain or gain_from (which sets gain = calculate_gain(...)), not both.</source>
        <translation>请只给出 gain 或 gain_from（它设置 gain = calculate_gain(...)）中的一个，不要同时给出。</translation>
    </message>
    <message>
        <source>The expression uses fan_in or fan_out, which {where} ({dims}-D) does not have. Nothing was changed.</source>
        <translation>表达式用到了 fan_in 或 fan_out，而{where}（{dims} 维）没有这些值。没有做任何更改。</translation>
    </message>
    <message>
        <source>There is no layer kind {kind!r} to initialize.</source>
        <translation>没有可初始化的层种类 {kind!r}。</translation>
    </message>
    <message>
        <source>The expression {expression!r} gives shape {shape}, not the parameter&apos;s {want}.</source>
        <translation>表达式 {expression!r} 得到的形状是 {shape}，而不是参数的形状 {want}。</translation>
    </message>
    <message>
        <source>The expression {expression!r} gives {what}, which cannot fill a {dtype} parameter: {reason}</source>
        <translation>表达式 {expression!r} 得到的是{what}，无法填充 {dtype} 参数：{reason}</translation>
    </message>
    <message>
        <source>block {path} is not allocated, and its {count:,} random values are too many to draw past in the seed&apos;s stream, so layers constructed after it do not get the seed&apos;s values. Materialize it (it then gets exactly the seed&apos;s values), then reset the parameters from the seed.</source>
        <translation>块 {path} 没有分配，而它的 {count:,} 个随机数太多，无法在种子的随机数流中跳过，所以在它之后构造的层得不到种子给出的值。请先将它实体化（它会得到与种子完全一致的值），再从种子重置参数。</translation>
    </message>
    <message>
        <source>block {path} is not allocated, and materializing it to take them needs {need} of memory, but only {have} is free (close other programs and load again)</source>
        <translation>块 {path} 没有分配，要将它实体化来接收这些值需要 {need} 内存，但只有 {have} 可用（关闭其他程序后再加载一次）</translation>
    </message>
    <message>
        <source>{doing} needs every block in memory, but block {path} is not allocated: materialize it first (needs {need}).</source>
        <translation>{doing}需要所有块都在内存中，但块 {path} 没有分配：请先将它实体化（需要 {need}）。</translation>
    </message>
    <message>
        <source>the design</source>
        <translation>整个设计</translation>
    </message>
    <message>
        <source>block {path}</source>
        <translation>块 {path}</translation>
    </message>
    <message>
        <source>Materializing {what} needs {need} of memory, but only {have} is free. Make its layers smaller, or close other programs and try again.</source>
        <translation>实体化{what} 需要 {need} 内存，但只有 {have} 可用。请把它的层改小，或关闭其他程序后再试。</translation>
    </message>
    <message>
        <source>Materialize</source>
        <translation>实体化</translation>
    </message>
    <message>
        <source>The weights cannot be drawn from the seed: {reason}</source>
        <translation>无法从种子生成权重：{reason}</translation>
    </message>
    <message>
        <source>at most {have}</source>
        <translation>最多 {have}</translation>
    </message>
    <message>
        <source>Whether the weights are the seed&apos;s is not known: comparing them with the seed&apos;s needs {need} of memory (to build block {path} again from the seed), but only {have} is free. Free some memory (close other programs), then ask again.</source>
        <translation>不知道权重是否是种子给出的：与种子的值比较需要 {need} 内存（要从种子重新构建块 {path}），但只有 {have} 可用。请释放一些内存（关闭其他程序），然后再查看一次。</translation>
    </message>
    <message>
        <source>block {path} was materialized with values from torch&apos;s global random generator, because where the seed&apos;s stream stands before it could not be worked out: reset the parameters from the seed to draw them from it.</source>
        <translation>块 {path} 实体化时用的是 torch 全局随机数生成器的值，因为无法算出种子的随机数流在它之前走到了哪里：请从种子重置参数，让它从种子的随机数流中取值。</translation>
    </message>
    <message>
        <source>block {path} was materialized after the init rules ran, so they did not fill it: reset the parameters from the seed to apply them.</source>
        <translation>块 {path} 是在初始化规则运行之后才实体化的，所以规则没有作用于它：请从种子重置参数以应用这些规则。</translation>
    </message>
    <message>
        <source>{where}{name} would stand for {value!r}, but a block&apos;s hyperparameters are single numbers; bind a field that holds one number.</source>
        <translation>{where}{name} 将代表 {value!r}，但块的超参数只能是单个数字；请绑定一个只含一个数字的字段。</translation>
    </message>
    <message>
        <source>the value {value!r} cannot be written into a block definition.</source>
        <translation>值 {value!r} 无法写入块定义。</translation>
    </message>
    <message>
        <source>{where}bindings map each new hyperparameter to a list of fields, like {{&apos;hidden_nodes&apos;: [&apos;0.out_features&apos;, &apos;2.in_features&apos;]}}.</source>
        <translation>{where}bindings 把每个新超参数映射到一个字段列表，例如 {{&apos;hidden_nodes&apos;: [&apos;0.out_features&apos;, &apos;2.in_features&apos;]}}。</translation>
    </message>
    <message>
        <source>{where}an empty group has nothing to make a block of.</source>
        <translation>{where}空的组里没有东西可以做成块。</translation>
    </message>
    <message>
        <source>{where}{name} must be bound to at least one field, like [&apos;0.in_features&apos;].</source>
        <translation>{where}{name} 必须至少绑定一个字段，例如 [&apos;0.in_features&apos;]。</translation>
    </message>
    <message>
        <source>{where}child {i} is itself a group; make that group a reusable block first, then this one.</source>
        <translation>{where}子项 {i} 本身是一个组；请先把那个组做成可复用的块，再做这个。</translation>
    </message>
    <message>
        <source>{where}child {i} shares its module with another block; a reusable block owns its layers, so unshare it first.</source>
        <translation>{where}子项 {i} 与另一个块共享模块；可复用的块要独占自己的层，所以请先取消共享。</translation>
    </message>
    <message>
        <source>{where}the fields bound to {hyper} have different values ({defaults!r} and {checked!r}); bind fields that agree, or use two hyperparameters.</source>
        <translation>{where}绑定到 {hyper} 的字段取值不同（{defaults!r} 和 {checked!r}）；请绑定取值一致的字段，或者使用两个超参数。</translation>
    </message>
    <message>
        <source>{where}{text!r} is not a field: write &apos;&lt;child index&gt;.&lt;hyperparameter&gt;&apos;, like &apos;0.in_features&apos;.</source>
        <translation>{where}{text!r} 不是一个字段：请写成 &apos;&lt;子项序号&gt;.&lt;超参数&gt;&apos;，例如 &apos;0.in_features&apos;。</translation>
    </message>
    <message>
        <source>{where}{text!r}: the group has {count} children (0 to {last}).</source>
        <translation>{where}{text!r}：这个组有 {count} 个子项（0 到 {last}）。</translation>
    </message>
    <message>
        <source>{where}{text!r}: a {kind} has no hyperparameter {hp!r} (it has {have}).</source>
        <translation>{where}{text!r}：{kind} 没有超参数 {hp!r}（它有 {have}）。</translation>
    </message>
    <message>
        <source>{where}{text!r} is bound twice ({bound} and {name}).</source>
        <translation>{where}{text!r} 被绑定了两次（{bound} 和 {name}）。</translation>
    </message>
    <message>
        <source>define_layer takes a LayerDefinition, not {type} (use define_block for a BlockDefinition).</source>
        <translation>define_layer 接受 LayerDefinition，而不是 {type}（BlockDefinition 请用 define_block）。</translation>
    </message>
    <message>
        <source>define_block takes a BlockDefinition, not {type} (use define_layer for a LayerDefinition).</source>
        <translation>define_block 接受 BlockDefinition，而不是 {type}（LayerDefinition 请用 define_layer）。</translation>
    </message>
    <message>
        <source>{name} is already a custom {what} of this project; give the new definition another name, or remove {name} first.</source>
        <translation>{name} 已经是这个项目的自定义{what}；请给新定义换个名字，或者先删除 {name}。</translation>
    </message>
    <message>
        <source>A project holds at most {max_definitions} definitions; remove some first.</source>
        <translation>一个项目最多容纳 {max_definitions} 个定义；请先删除一些。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>There is no definition called {name!r} (the project&apos;s definitions: {known}).</source>
        <translation>没有名为 {name!r} 的定义（本项目的定义：{known}）。</translation>
    </message>
    <message>
        <source>{name} is still used by block {shown}; delete or replace it first.</source>
        <translation>块 {shown} 仍在使用 {name}；请先删除或替换它。</translation>
    </message>
    <message>
        <source>{name} is still a child of {parents}; edit or remove those blocks first.</source>
        <translation>{name} 仍是 {parents} 的子项；请先编辑或删除那些块。</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>{where}choose a group (a nested Sequential) to make a reusable block of.</source>
        <translation>{where}请选择一个组（嵌套的 Sequential）来做成可复用的块。</translation>
    </message>
    <message>
        <source>{name} is already defined in this project; choose another name.</source>
        <translation>{name} 已在本项目中定义；请换一个名字。</translation>
    </message>
    <message>
        <source>Block {path} in this group is not allocated, so the group&apos;s values cannot be carried into a block. Materialize it first (Edit → Materialize…), then make the block.</source>
        <translation>这个组里的块 {path} 没有分配，所以组的值无法带进积木。请先将它实体化（编辑 → 实体化…），再制作积木。</translation>
    </message>
    <message>
        <source>Make block {name}</source>
        <translation>做成块 {name}</translation>
    </message>
    <message>
        <source>Reset parameters</source>
        <translation>重置参数</translation>
    </message>
    <message>
        <source>{count} definitions is more than a project holds ({max_definitions}).</source>
        <translation>{count} 个定义超出了一个项目能容纳的数量（{max_definitions}）。</translation>
    </message>
    <message>
        <source>There is no layer kind {name!r} in the catalog. Known kinds: {known}.</source>
        <translation>层目录中没有 {name!r} 这种层。已知的种类：{known}。</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Define {name}</source>
        <translation>定义 {name}</translation>
    </message>
    <message>
        <source>{name} is still used by blocks {shown}; delete or replace them first.</source>
        <translation>块 {shown} 仍在使用 {name}；请先删除或替换它们。</translation>
    </message>
    <message>
        <source>{name} is still a child of {parents}; edit or remove that block first.</source>
        <translation>{name} 仍是 {parents} 的子项；请先编辑或删除那个块。</translation>
    </message>
    <message>
        <source>This {kind} was made from another definition of {kind} than the one in this project, so it cannot join this design. Rename one of the two definitions.</source>
        <translation>这个 {kind} 来自另一份 {kind} 的定义，与本项目中的定义不同，所以不能加入这个设计。请给两份定义中的一份改名。</translation>
    </message>
    <message>
        <source>{name} is defined twice.</source>
        <translation>{name} 被定义了两次。</translation>
    </message>
    <message>
        <source>the blocks of kind {name} do not match its stored definition.</source>
        <translation>{name} 种类的块与保存的定义不一致。</translation>
    </message>
    <message>
        <source>There is no layer kind {name!r} in the catalog. Did you mean {best}? Known kinds: {known}. Your definitions: {mine}.</source>
        <translation>层目录中没有 {name!r} 这种层。你是不是想用 {best}？已知的种类：{known}。你的定义：{mine}。</translation>
    </message>
    <message>
        <source>There is no layer kind {name!r} in the catalog. Did you mean {best}? Known kinds: {known}.</source>
        <translation>层目录中没有 {name!r} 这种层。你是不是想用 {best}？已知的种类：{known}。</translation>
    </message>
    <message>
        <source>There is no layer kind {name!r} in the catalog. Known kinds: {known}. Your definitions: {mine}.</source>
        <translation>层目录中没有 {name!r} 这种层。已知的种类：{known}。你的定义：{mine}。</translation>
    </message>
    <message>
        <source>Moving the model to {device}</source>
        <translation>把模型移到 {device}</translation>
    </message>
    <message>
        <source>Move to {device}</source>
        <translation>移动到 {device}</translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation>{count} 个块</translation>
    </message>
    <message>
        <source>Duplicate {what} with fresh weights</source>
        <translation>复制 {what}（使用新的权重）</translation>
    </message>
    <message>
        <source>Duplicate {what}</source>
        <translation>复制 {what}</translation>
    </message>
    <message>
        <source>fresh must be True or False, not {fresh!r}.</source>
        <translation>fresh 必须是 True 或 False，而不是 {fresh!r}。</translation>
    </message>
    <message>
        <source>Replace {old} with {kind}</source>
        <translation>把 {old} 替换为 {kind}</translation>
    </message>
    <message>
        <source>Choose at least one block to duplicate.</source>
        <translation>请至少选择一个要复制的块。</translation>
    </message>
    <message>
        <source>expected a list of parameter names, like [&apos;weight&apos;]</source>
        <translation>应为参数名的列表，例如 [&apos;weight&apos;]</translation>
    </message>
    <message>
        <source>requires_grad must be True or False, not {flag!r}.</source>
        <translation>requires_grad 必须是 True 或 False，而不是 {flag!r}。</translation>
    </message>
    <message>
        <source>Block {path}: this is a group; name one of its blocks to change a single parameter, or pass name=None to change all of them.</source>
        <translation>块 {path}：这是一个组；要修改单个参数，请指明组里的某个块，或者传入 name=None 来修改全部参数。</translation>
    </message>
    <message>
        <source>this group holds no parameters</source>
        <translation>这个组没有参数</translation>
    </message>
    <message>
        <source>a {kind} has no parameters</source>
        <translation>{kind} 没有参数</translation>
    </message>
    <message>
        <source>Block {path}: {what}, so there is nothing to freeze or unfreeze.</source>
        <translation>块 {path}：{what}，所以没有可以冻结或解冻的东西。</translation>
    </message>
    <message>
        <source>Unfreeze {what}</source>
        <translation>解冻 {what}</translation>
    </message>
    <message>
        <source>Freeze {what}</source>
        <translation>冻结 {what}</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>没有参数</translation>
    </message>
    <message>
        <source>{name!r} is not a parameter of {type} (it has {have})</source>
        <translation>{name!r} 不是 {type} 的参数（它有 {have}）</translation>
    </message>
    <message>
        <source>no parameters at all</source>
        <translation>根本没有参数</translation>
    </message>
    <message>
        <source>Block {path}: a {kind} has no parameter {name!r} (it has {have}).</source>
        <translation>块 {path}：{kind} 没有参数 {name!r}（它有 {have}）。</translation>
    </message>
    <message>
        <source>Unfreeze block {path}</source>
        <translation>解冻块 {path}</translation>
    </message>
    <message>
        <source>Freeze block {path}</source>
        <translation>冻结块 {path}</translation>
    </message>
    <message>
        <source>Unfreeze all</source>
        <translation>全部解冻</translation>
    </message>
    <message>
        <source>Freeze all</source>
        <translation>全部冻结</translation>
    </message>
    <message>
        <source>Change {kind}</source>
        <translation>修改 {kind}</translation>
    </message>
    <message>
        <source>There is no fix to apply: this shape error has none to offer (its .fix is None). Change the block&apos;s hyperparameters, or its input, yourself.</source>
        <translation>没有可应用的修复：这个形状错误没有提供修复（它的 .fix 是 None）。请自己修改这个块的超参数或它的输入。</translation>
    </message>
    <message>
        <source>{where}{problem} Valid here: {expected}.</source>
        <translation>{where}{problem} 这里允许的值：{expected}。</translation>
    </message>
    <message>
        <source>Unknown fix step {op!r}.</source>
        <translation>未知的修复步骤 {op!r}。</translation>
    </message>
    <message>
        <source>No parameter matches: {rule} finds nothing to initialize in this design.</source>
        <translation>没有匹配的参数：{rule} 在这个设计中找不到可以初始化的东西。</translation>
    </message>
    <message>
        <source>Initialize: {function}</source>
        <translation>初始化：{function}</translation>
    </message>
    <message>
        <source>There is no init rule {index}; the project has {count}.</source>
        <translation>没有第 {index} 条初始化规则；这个项目有 {count} 条。</translation>
    </message>
    <message>
        <source>Remove init rule {function}</source>
        <translation>删除初始化规则 {function}</translation>
    </message>
    <message>
        <source>The expression {expression!r} gives {bad:,} NaN or infinite values for {where} (log or sqrt of a negative number, a division by zero, a huge power). Parameters must be finite numbers: change the expression. Nothing was changed.</source>
        <translation>表达式 {expression!r} 为 {where} 算出了 {bad:,} 个 NaN 或无穷大的值（对负数取 log 或 sqrt、除以零、很大的幂）。参数必须是有限的数：请修改表达式。没有做任何改动。</translation>
    </message>
    <message>
        <source>Choose at least one block to initialize.</source>
        <translation>请至少选择一个要初始化的块。</translation>
    </message>
    <message>
        <source>The expression {expression!r} gives 1 NaN or infinite value for {where} (log or sqrt of a negative number, a division by zero, a huge power). Parameters must be finite numbers: change the expression. Nothing was changed.</source>
        <translation>表达式 {expression!r} 为 {where} 算出了 1 个 NaN 或无穷大的值（对负数取 log 或 sqrt、除以零、很大的幂）。参数必须是有限的数：请修改表达式。没有做任何改动。</translation>
    </message>
    <message>
        <source>block {path} is not allocated, so the rule drew nothing for it, and the blocks after it got other values than a script gives them: materialize it, then reset the parameters from the seed.</source>
        <translation>块 {path} 尚未分配内存，所以该规则没有为它抽取任何随机数，它之后的块得到的值与脚本给出的不同：先将它实体化，再从种子重置参数。</translation>
    </message>
    <message>
        <source>Saving, opening and code need LayerLab&apos;s io layer: import the Project with &apos;from editor import Project&apos; (or import editor.io.doors once).</source>
        <translation>保存、打开和生成代码需要 LayerLab 的 io 层：请用 &apos;from editor import Project&apos; 导入 Project（或者先 import editor.io.doors 一次）。</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>修改种子</translation>
    </message>
    <message>
        <source>module should be of type torch.nn.Module, not {type}.</source>
        <translation>module 应为 torch.nn.Module 类型，而不是 {type}。</translation>
    </message>
    <message>
        <source>Replace with {kind}</source>
        <translation>替换为 {kind}</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>删除 {kind}</translation>
    </message>
    <message>
        <source>Insert {kind}</source>
        <translation>插入 {kind}</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>追加多个层</translation>
    </message>
    <message>
        <source>{where}only a group (a nested Sequential) can hold blocks.</source>
        <translation>{where}只有组（嵌套的 Sequential）才能容纳块。</translation>
    </message>
    <message>
        <source>A group cannot be moved into itself.</source>
        <translation>组不能移动到它自己里面。</translation>
    </message>
    <message>
        <source>Index out of range: {index} (the group has {count} blocks, so use 0 to {count}).</source>
        <translation>索引超出范围：{index}（这个组有 {count} 个块，所以请用 0 到 {count}）。</translation>
    </message>
    <message>
        <source>That group already has a block called {label!r}, so this one cannot join it. Rename one of them first.</source>
        <translation>那个组里已经有一个叫 {label!r} 的块，所以这个块不能加入。请先给其中一个改名。</translation>
    </message>
    <message>
        <source>Move {kind}</source>
        <translation>移动 {kind}</translation>
    </message>
    <message>
        <source>Choose at least one block to group.</source>
        <translation>请至少选择一个要组合的块。</translation>
    </message>
    <message>
        <source>Only blocks side by side in the same group can be grouped together.</source>
        <translation>只有同一个组里相邻的块才能组合在一起。</translation>
    </message>
    <message>
        <source>Only adjacent blocks can be grouped: the chosen ones have gaps between them.</source>
        <translation>只有相邻的块才能组合：选中的块之间有间隔。</translation>
    </message>
    <message>
        <source>Group into Sequential</source>
        <translation>组合成 Sequential</translation>
    </message>
    <message>
        <source>{where}only a group (a nested Sequential) can be ungrouped.</source>
        <translation>{where}只有组（嵌套的 Sequential）才能取消组合。</translation>
    </message>
    <message>
        <source>The group around it already has a block called {clash!r}, so this group cannot be dissolved into it. Rename one of them first.</source>
        <translation>外层的组里已经有一个叫 {clash!r} 的块，所以这个组不能拆散到外层。请先给其中一个改名。</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消组合</translation>
    </message>
    <message>
        <source>{where}only a group (a nested Sequential) can be collapsed.</source>
        <translation>{where}只有组（嵌套的 Sequential）才能折叠。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Set input shape</source>
        <translation>设置输入形状</translation>
    </message>
    <message>
        <source>A transaction is already running; nest operations inside it instead.</source>
        <translation>已有一个事务正在进行；请把操作嵌套在它里面。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cannot move block {source} to {destination}: with block {source} taken out, {problem}</source>
        <translation>无法把块 {source} 移到 {destination}：拿走块 {source} 之后，{problem}</translation>
    </message>
    <message>
        <source>Block {path}: </source>
        <translation>块 {path}：</translation>
    </message>
    <message>
        <source>That block is no longer part of the design.</source>
        <translation>那个块已经不在设计中了。</translation>
    </message>
    <message>
        <source>a block index must be an integer or a path like &apos;1.0&apos;, not a bool</source>
        <translation>块的索引必须是整数或像 &apos;1.0&apos; 这样的路径，而不是布尔值</translation>
    </message>
    <message>
        <source>Block {path} is not a group, so nothing can be inserted into it.</source>
        <translation>块 {path} 不是组，所以不能往里面插入东西。</translation>
    </message>
    <message>
        <source>Index out of range: {i} (there are {n} blocks here, so use 0 to {n}).</source>
        <translation>索引超出范围：{i}（这里有 {n} 个块，所以请用 0 到 {n}）。</translation>
    </message>
    <message>
        <source>{where}this is a group (a nested Sequential), which has no hyperparameters of its own.</source>
        <translation>{where}这是一个组（嵌套的 Sequential），它自己没有超参数。</translation>
    </message>
    <message>
        <source>a block index must be an integer or a path like &apos;1.0&apos;, not {type}</source>
        <translation>块的索引必须是整数或像 &apos;1.0&apos; 这样的路径，而不是 {type}</translation>
    </message>
    <message>
        <source>Block {where} is a {kind}, not a group, so there is no block {path!r} inside it.</source>
        <translation>块 {where} 是 {kind}，不是组，所以里面没有块 {path!r}。</translation>
    </message>
    <message>
        <source>group {path}</source>
        <translation>组 {path}</translation>
    </message>
    <message>
        <source>{n} blocks (0 to {last})</source>
        <translation>{n} 个块（0 到 {last}）</translation>
    </message>
    <message>
        <source>index {i} is out of range: {holder} has {has}.</source>
        <translation>索引 {i} 超出范围：{holder}有 {has}。</translation>
    </message>
    <message>
        <source>{path!r} is not a block path: use indices joined by dots, like &apos;1.0&apos; (block 0 of the group at 1).</source>
        <translation>{path!r} 不是块路径：请用点连接的索引，例如 &apos;1.0&apos;（位置 1 的组里的第 0 个块）。</translation>
    </message>
    <message>
        <source>1 block (0 to 0)</source>
        <translation>1 个块（0 到 0）</translation>
    </message>
    <message>
        <source>no blocks</source>
        <translation>没有块</translation>
    </message>
    <message>
        <source>Running a batch</source>
        <translation>运行一个批次</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>The batch size must be a whole number from 1 to {max_batch:,}, not {batch!r}.</source>
        <translation>批次大小必须是 1 到 {max_batch:,} 之间的整数，而不是 {batch!r}。</translation>
    </message>
    <message>
        <source>The design is empty: add a layer first.</source>
        <translation>设计是空的：请先添加一个层。</translation>
    </message>
    <message>
        <source>The design&apos;s input shape is not known: set one in the toolbar (e.g. 2, 20).</source>
        <translation>设计的输入形状未知：请在工具栏中设置一个（例如 2, 20）。</translation>
    </message>
    <message>
        <source>Unknown loss {backward!r}; use one of {losses}.</source>
        <translation>未知的损失 {backward!r}；请使用以下之一：{losses}。</translation>
    </message>
    <message>
        <source>{where}: {problem} Fix this before training: every step runs the whole design.</source>
        <translation>{where}：{problem}请先修正这里再训练：每一步都会运行整个设计。</translation>
    </message>
    <message>
        <source>The design changed since this training started, so its weights no longer fit it. Train again to train the design as it is now.</source>
        <translation>这次训练开始后设计发生了变化，训练出的权重已经对不上它。请重新训练，训练现在的设计。</translation>
    </message>
    <message>
        <source>The weights changed since this training started (an init, a reset from the seed, an undo or a load), and keeping the trained ones would overwrite that change. Train again from the weights as they are now.</source>
        <translation>这次训练开始之后权重发生了变化（一次初始化、按种子重置、撤销或载入），保留训练出的权重会覆盖这次变化。请从现在的权重重新训练。</translation>
    </message>
    <message>
        <source>The loss became {value} at step {step}: the weights blew up, so the design keeps the weights it had. Try a smaller learning rate (lr).</source>
        <translation>第 {step} 步时损失变成了 {value}：权重发散了，所以设计保留原来的权重。请试试更小的学习率（lr）。</translation>
    </message>
    <message>
        <source>Out of memory on {device}: use a smaller batch or design, or another device.</source>
        <translation>{device} 上内存不足：请使用更小的批次或设计，或者换一个设备。</translation>
    </message>
    <message>
        <source>1 to {max_batch:,}</source>
        <translation>1 到 {max_batch:,}</translation>
    </message>
    <message>
        <source>Blocks {paths} share one {kind}: its .grad is the sum of the gradients from all {count} places.</source>
        <translation>块 {paths} 共享同一个 {kind}：它的 .grad 是所有 {count} 处梯度之和。</translation>
    </message>
    <message>
        <source>The design changed while training ({kind} at block {path} is not the one trained): train again.</source>
        <translation>训练期间设计发生了变化（块 {path} 上的 {kind} 不是被训练的那个）：请重新训练。</translation>
    </message>
    <message>
        <source>Block {path} cannot use this {name}: {problem}</source>
        <translation>块 {path} 不能使用这个 {name}：{problem}</translation>
    </message>
    <message>
        <source>The same block is named twice: sharing needs two different blocks.</source>
        <translation>同一个块被指定了两次：共享需要两个不同的块。</translation>
    </message>
    <message>
        <source>keep={keep!r} is not one of the blocks to share; name one of {paths}.</source>
        <translation>keep={keep!r} 不是要共享的块之一；请指定 {paths} 中的一个。</translation>
    </message>
    <message>
        <source>Share {kind} weights</source>
        <translation>共享 {kind} 的权重</translation>
    </message>
    <message>
        <source>weights must be &apos;copy&apos; or &apos;reinit&apos;, not {weights!r}.</source>
        <translation>weights 必须是 &apos;copy&apos; 或 &apos;reinit&apos;，而不是 {weights!r}。</translation>
    </message>
    <message>
        <source>Block {path} is a group; make the blocks inside it independent one by one.</source>
        <translation>块 {path} 是一个组；请把里面的块逐个设为独立。</translation>
    </message>
    <message>
        <source>Block {path} does not share its module with another block, so it is independent already.</source>
        <translation>块 {path} 没有与其他块共享模块，所以它已经是独立的了。</translation>
    </message>
    <message>
        <source>Make {kind} independent</source>
        <translation>让 {kind} 独立</translation>
    </message>
    <message>
        <source>Use {name} again</source>
        <translation>再次使用 {name}</translation>
    </message>
    <message>
        <source>n must be a whole number from 1 to {max_repeat}, not {n!r}.</source>
        <translation>n 必须是 1 到 {max_repeat} 之间的整数，而不是 {n!r}。</translation>
    </message>
    <message>
        <source>shared must be True or False, not {shared!r}.</source>
        <translation>shared 必须是 True 或 False，而不是 {shared!r}。</translation>
    </message>
    <message>
        <source>Repeat {name} ×{n}</source>
        <translation>重复 {name} ×{n}</translation>
    </message>
    <message>
        <source>Block {path} receives {shape} but block {path2} receives {shape2}: one {name} cannot take both. Change the layer that feeds one of them, or keep them independent.</source>
        <translation>块 {path} 收到 {shape}，而块 {path2} 收到 {shape2}：同一个 {name} 不能同时接受两者。请修改为其中一个提供输入的层，或者让它们保持独立。</translation>
    </message>
    <message>
        <source>Block {path} is a group (a nested Sequential): only single layers share weights. Use Repeat or Use again to place a group twice.</source>
        <translation>块 {path} 是一个组（嵌套的 Sequential）：只有单个层才能共享权重。要把一个组放两次，请用“重复”或“再次使用”。</translation>
    </message>
    <message>
        <source>Block {path} is a {kind} and block {path2} is a {kind2}: only blocks of one kind can share a module.</source>
        <translation>块 {path} 是 {kind}，块 {path2} 是 {kind2}：只有同一种类的块才能共享模块。</translation>
    </message>
    <message>
        <source>&apos;copy&apos; or &apos;reinit&apos;</source>
        <translation>&apos;copy&apos; 或 &apos;reinit&apos;</translation>
    </message>
    <message>
        <source>1 to {max_repeat}</source>
        <translation>1 到 {max_repeat}</translation>
    </message>
    <message>
        <source>on the meta device, so it has no values; load the real tensor</source>
        <translation>在 meta 设备上，所以没有数值；请加载真实的张量</translation>
    </message>
    <message>
        <source>a {layout} tensor; make it dense with .to_dense()</source>
        <translation>一个 {layout} 张量；请用 .to_dense() 把它变成稠密张量</translation>
    </message>
    <message>
        <source>a nested or quantized tensor; load a regular one (.dequantize() for quantized)</source>
        <translation>一个嵌套或量化的张量；请加载普通张量（量化张量用 .dequantize()）</translation>
    </message>
    <message>
        <source>{have}, but the design&apos;s tensor is {want}; convert it first, e.g. with .to(torch.{want})</source>
        <translation>{have}，但设计中的张量是 {want}；请先转换，例如用 .to(torch.{want})</translation>
    </message>
    <message>
        <source>{parts}.</source>
        <translation>{parts}。</translation>
    </message>
    <message>
        <source>every key fits.</source>
        <translation>每个键都匹配。</translation>
    </message>
    <message>
        <source>{said} Block {other} fits them too.</source>
        <translation>{said}块 {other} 也能接收它们。</translation>
    </message>
    <message>
        <source>Weights must be a state_dict (a dict of names to tensors, like model.state_dict()), not {type}.</source>
        <translation>权重必须是 state_dict（名字到张量的字典，就像 model.state_dict()），而不是 {type}。</translation>
    </message>
    <message>
        <source>{keys} and {more} more</source>
        <translation>{keys} 等，另有 {more} 个</translation>
    </message>
    <message>
        <source>{count} missing ({keys})</source>
        <translation>缺少 {count} 个（{keys}）</translation>
    </message>
    <message>
        <source>{count} unexpected ({keys})</source>
        <translation>多出 {count} 个（{keys}）</translation>
    </message>
    <message>
        <source>{key} is {got} but the design needs {want}</source>
        <translation>{key} 是 {got}，但设计需要 {want}</translation>
    </message>
    <message>
        <source>{count} with the wrong shape ({keys})</source>
        <translation>{count} 个形状不对（{keys}）</translation>
    </message>
    <message>
        <source>These weights do not fit the design: {report} Load them partially to take what fits.</source>
        <translation>这些权重与设计不匹配：{report} 可以部分加载，只取匹配的部分。</translation>
    </message>
    <message>
        <source>a dict of names to tensors</source>
        <translation>名字到张量的字典</translation>
    </message>
    <message>
        <source>Weights must map names to tensors, but {key} holds a {type}.</source>
        <translation>权重必须把名字映射到张量，但 {key} 存的是 {type}。</translation>
    </message>
    <message>
        <source>Nothing was loaded: {key} is {problem}.</source>
        <translation>什么都没有加载：{key} 是{problem}。</translation>
    </message>
    <message>
        <source>the keys and shapes of model.state_dict()</source>
        <translation>model.state_dict() 的键和形状</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>dense tensors with values, of the dtype model.state_dict() has</source>
        <translation>有数值的稠密张量，dtype 与 model.state_dict() 中的相同</translation>
    </message>
    <message>
        <source>An init rule no longer fits this design ({problem}), so the weights cannot be rebuilt from the seed. Remove that rule in the Initialize dialog, or change the design back.</source>
        <translation>有一条初始化规则已不适用于这个设计（{problem}），所以无法从种子重建权重。请在“初始化”对话框中删除那条规则，或者把设计改回去。</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found: this torch build supports CUDA {version}, but no GPU (or no working driver) is available, so torch.cuda.is_available() is False.</source>
        <translation>没有找到 NVIDIA GPU：这个 torch 版本支持 CUDA {version}，但没有可用的 GPU（或可用的驱动），所以 torch.cuda.is_available() 为 False。</translation>
    </message>
    <message>
        <source>No CUDA: this torch build is CPU-only. To use an NVIDIA GPU, install a CUDA build of PyTorch (see pytorch.org).</source>
        <translation>没有 CUDA：这个 torch 版本只支持 CPU。要使用 NVIDIA GPU，请安装支持 CUDA 的 PyTorch（见 pytorch.org）。</translation>
    </message>
    <message>
        <source>The design needs about {needed} on {device} (parameters, buffers and one forward pass), but only {free} is free there. Make the design or the batch smaller, or stay on the current device.</source>
        <translation>这个设计在 {device} 上大约需要 {needed}（参数、缓冲区和一次前向传播），但那里只剩 {free} 可用。请缩小设计或批次，或者留在当前设备上。</translation>
    </message>
    <message>
        <source>at most {free}</source>
        <translation>最多 {free}</translation>
    </message>
    <message>
        <source>MPS is built into torch but this Mac has no usable Apple GPU (macOS 12.3+ needed).</source>
        <translation>torch 内置了 MPS，但这台 Mac 没有可用的 Apple GPU（需要 macOS 12.3 或更高版本）。</translation>
    </message>
    <message>
        <source>The move to {target} was cancelled: the model stays where it was.</source>
        <translation>移动到 {target} 已取消：模型留在原来的位置。</translation>
    </message>
    <message>
        <source>{done} of {total} copied to {device}</source>
        <translation>已复制 {done}／{total} 到 {device}</translation>
    </message>
    <message>
        <source>{device} cannot be used: {problem}</source>
        <translation>{device} 无法使用：{problem}</translation>
    </message>
    <message>
        <source>{where}: out of memory while computing it. Use a smaller batch, a smaller design, or another device.</source>
        <translation>{where}：计算时内存不足。请使用更小的批次、更小的设计，或者换一个设备。</translation>
    </message>
    <message>
        <source>{where}: the input is on {device} but the model is on {model_device}. Data and model must be on the same device: move one of them (x.to(device) or model.to(device)).</source>
        <translation>{where}：输入在 {device} 上，而模型在 {model_device} 上。数据和模型必须在同一个设备上：请移动其中一个（x.to(device) 或 model.to(device)）。</translation>
    </message>
    <message>
        <source>Unknown loss {loss!r}; use one of {losses}.</source>
        <translation>未知的损失 {loss!r}；请使用以下之一：{losses}。</translation>
    </message>
    <message>
        <source>The output holds whole numbers, so there is nothing to differentiate: end the design with a layer that gives floats.</source>
        <translation>输出是整数，所以没有可以求导的东西：请让设计以输出浮点数的层结尾。</translation>
    </message>
    <message>
        <source>Cross-entropy needs class scores of shape (batch, classes, …) with 2 classes or more; the output is {shape}. Use &apos;sum&apos; or &apos;mse&apos;, or end with Linear(…, classes).</source>
        <translation>交叉熵需要形状为 (batch, classes, …) 且至少 2 个类别的类别分数；输出是 {shape}。请使用 &apos;sum&apos; 或 &apos;mse&apos;，或者以 Linear(…, classes) 结尾。</translation>
    </message>
    <message>
        <source>Block {path} ({kind})</source>
        <translation>块 {path}（{kind}）</translation>
    </message>
    <message>
        <source>The loss is {value}: a NaN or Inf reached it, so its gradients are not meaningful.</source>
        <translation>损失为 {value}：有 NaN 或 Inf 传到了损失，所以梯度没有意义。</translation>
    </message>
    <message>
        <source>{problem} It got {shape}.</source>
        <translation>{problem} 它收到的是 {shape}。</translation>
    </message>
    <message>
        <source>Unknown input generator {generator!r}; use one of {generators}.</source>
        <translation>未知的输入生成方式 {generator!r}；请使用以下之一：{generators}。</translation>
    </message>
    <message>
        <source>An input of shape {shape} has {count:,} values; at most {max_input_elements:,} are made here. Use a smaller batch.</source>
        <translation>形状为 {shape} 的输入有 {count:,} 个值；这里最多生成 {max_input_elements:,} 个。请使用更小的批次。</translation>
    </message>
    <message>
        <source>The file holds a {type}, not a tensor: save one with torch.save(t, path).</source>
        <translation>文件里存的是 {type}，不是张量：请用 torch.save(t, path) 保存一个张量。</translation>
    </message>
    <message>
        <source>The tensor is sparse, complex or on the meta device; a design takes an ordinary dense tensor.</source>
        <translation>这个张量是稀疏的、复数的，或者在 meta 设备上；设计只接受普通的稠密张量。</translation>
    </message>
    <message>
        <source>The tensor is a single number; a design takes a batch, e.g. shape (2, 20).</source>
        <translation>这个张量只是一个数；设计接受的是一个批次，例如形状 (2, 20)。</translation>
    </message>
    <message>
        <source>The tensor has {count:,} values; at most {max_input_elements:,} are run here.</source>
        <translation>这个张量有 {count:,} 个值；这里最多运行 {max_input_elements:,} 个。</translation>
    </message>
    <message>
        <source>An input shape needs sizes of at least 1, not {shape}.</source>
        <translation>输入形状的各维大小至少为 1，而不是 {shape}。</translation>
    </message>
    <message>
        <source>Unknown task {name!r}; use one of {tasks}.</source>
        <translation>未知的任务 {name!r}；请使用以下之一：{tasks}。</translation>
    </message>
    <message>
        <source>The clusters task needs a design that takes points of shape (batch, features); this one takes {shape}. Use the teacher task.</source>
        <translation>点簇分类（clusters）任务需要一个接受形状为 (batch, features) 的点的设计；这个设计接受 {shape}。请使用模仿教师（teacher）任务。</translation>
    </message>
    <message>
        <source>The clusters task needs class scores of shape (batch, classes) with 2 classes or more; this design gives {got}. End it with Linear(…, classes), or use the teacher task.</source>
        <translation>点簇分类（clusters）任务需要形状为 (batch, classes) 且至少 2 个类别的类别分数；这个设计输出 {got}。请以 Linear(…, classes) 结尾，或者使用模仿教师（teacher）任务。</translation>
    </message>
    <message>
        <source>Unknown optimizer {name!r}; use one of {optimizers}.</source>
        <translation>未知的优化器 {name!r}；请使用以下之一：{optimizers}。</translation>
    </message>
    <message>
        <source>The learning rate must be a number above 0 and at most 10, not {lr!r}.</source>
        <translation>学习率必须是大于 0 且不超过 10 的数，而不是 {lr!r}。</translation>
    </message>
    <message>
        <source>This design has no trainable parameters, so there is nothing to train.</source>
        <translation>这个设计没有可训练的参数，所以没有可以训练的东西。</translation>
    </message>
    <message>
        <source>steps must be a whole number from 1 to {max_steps:,}, not {steps!r}.</source>
        <translation>steps 必须是 1 到 {max_steps:,} 之间的整数，而不是 {steps!r}。</translation>
    </message>
    <message>
        <source>The teacher task needs a design whose output is floats.</source>
        <translation>模仿教师（teacher）任务需要一个输出浮点数的设计。</translation>
    </message>
    <message>
        <source>1 to {max_steps:,}</source>
        <translation>1 到 {max_steps:,}</translation>
    </message>
    <message>
        <source>Stopped after {count} steps.</source>
        <translation>在 {count} 步后停止。</translation>
    </message>
    <message>
        <source>A histogram needs at least one bin, not {bins}.</source>
        <translation>直方图至少需要一个区间，而不是 {bins}。</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: {problem}</source>
        <translation>第 {line} 行第 {column} 列：{problem}</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>{file} is a folder; choose a file name.</source>
        <translation>{file} 是一个文件夹；请选择一个文件名。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (it may be a device or a pipe); choose a file name.</source>
        <translation>{file} 不是普通文件（可能是设备或管道）；请选择一个文件名。</translation>
    </message>
    <message>
        <source>{file} could not be saved: writing it failed. The previous file (if any) is unchanged.</source>
        <translation>{file} 无法保存：写入失败。原来的文件（如果有）没有改变。</translation>
    </message>
    <message>
        <source>The disk is full, so {file} could not be saved. Free some space or save somewhere else; the previous file (if any) is unchanged.</source>
        <translation>磁盘已满，{file} 无法保存。请释放一些空间或保存到别处；原来的文件（如果有）没有改变。</translation>
    </message>
    <message>
        <source>plain_tensors: expected a dict of at most {limit} names to tensors</source>
        <translation>plain_tensors：应为一个最多含 {limit} 个名称到张量映射的 dict</translation>
    </message>
    <message>
        <source>plain_tensors: no value for {key}</source>
        <translation>plain_tensors：{key} 没有值</translation>
    </message>
    <message>
        <source>plain_tensors: {key} is not a plain tensor of the design</source>
        <translation>plain_tensors：{key} 不是该设计的普通张量</translation>
    </message>
    <message>
        <source>plain_tensors: {key} is a {type}, not a tensor</source>
        <translation>plain_tensors：{key} 是 {type}，不是张量</translation>
    </message>
    <message>
        <source>plain_tensors: {key} is {problem}</source>
        <translation>plain_tensors：{key} 是{problem}</translation>
    </message>
    <message>
        <source>plain_tensors: {key} has shape {shape} ({dtype}), but the design needs {want_shape} ({want_dtype})</source>
        <translation>plain_tensors：{key} 的形状为 {shape}（{dtype}），但设计需要 {want_shape}（{want_dtype}）</translation>
    </message>
    <message>
        <source>{left} or {right}</source>
        <translation>{left} 或 {right}</translation>
    </message>
    <message>
        <source>{value!r} is not a valid block label</source>
        <translation>{value!r} 不是有效的块标签</translation>
    </message>
    <message>
        <source>{count} layers is more than LayerLab opens ({limit})</source>
        <translation>{count} 个层超过了 LayerLab 能打开的数量（{limit}）</translation>
    </message>
    <message>
        <source>layers {missing} are not used by any block</source>
        <translation>层 {missing} 没有被任何块使用</translation>
    </message>
    <message>
        <source>unknown layer kind {name!r}</source>
        <translation>未知的层类型 {name!r}</translation>
    </message>
    <message>
        <source>{kind}.{auto!r} cannot follow the input</source>
        <translation>{kind}.{auto!r} 不能跟随输入</translation>
    </message>
    <message>
        <source>expected a list of integers</source>
        <translation>应为整数列表</translation>
    </message>
    <message>
        <source>this node appears twice in the tree (a group inside itself, or a node reused); the file was altered</source>
        <translation>这个节点在树中出现了两次（组包含了它自己，或节点被重复使用）；文件已被改动</translation>
    </message>
    <message>
        <source>expected &apos;block&apos; or &apos;group&apos;, found {kind!r}</source>
        <translation>应为 &apos;block&apos; 或 &apos;group&apos;，却是 {kind!r}</translation>
    </message>
    <message>
        <source>groups are nested more than {limit} deep</source>
        <translation>组的嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>state_dict: {problem}</source>
        <translation>state_dict 中：{problem}</translation>
    </message>
    <message>
        <source>state_dict: the saved weights do not fit the saved design</source>
        <translation>state_dict：保存的权重与保存的设计不符</translation>
    </message>
    <message>
        <source>state_dict: no value for {key}</source>
        <translation>state_dict：{key} 没有值</translation>
    </message>
    <message>
        <source>input_shape: {problem}</source>
        <translation>input_shape 中：{problem}</translation>
    </message>
    <message>
        <source>there is no layer {index}</source>
        <translation>没有第 {index} 层</translation>
    </message>
    <message>
        <source>the label {key!r} is used twice in one group</source>
        <translation>标签 {key!r} 在同一个组中用了两次</translation>
    </message>
    <message>
        <source>design.layers[{index}]: {problem}</source>
        <translation>design.layers[{index}] 中：{problem}</translation>
    </message>
    <message>
        <source>init_rules: expected a list, found {type}</source>
        <translation>init_rules：应为列表，却是 {type}</translation>
    </message>
    <message>
        <source>init_rules: {count} rules is more than LayerLab opens ({limit})</source>
        <translation>init_rules：{count} 条规则超过了 LayerLab 能打开的数量（{limit}）</translation>
    </message>
    <message>
        <source>{where}: expected a dict, found {type}</source>
        <translation>{where}：应为 dict，却是 {type}</translation>
    </message>
    <message>
        <source>{where}.args: expected a dict of argument names to values</source>
        <translation>{where}.args：应为参数名到值的 dict</translation>
    </message>
    <message>
        <source>{where}.args: {field!r} is a field of the rule, not an argument of its init function</source>
        <translation>{where}.args：{field!r} 是规则本身的字段，不是其初始化函数的参数</translation>
    </message>
    <message>
        <source>{where}.layers: expected indices of the design&apos;s layers (0 to {last})</source>
        <translation>{where}.layers：应为设计中层的索引（0 到 {last}）</translation>
    </message>
    <message>
        <source>{where}.gain_from: expected [nonlinearity, param or None]</source>
        <translation>{where}.gain_from：应为 [nonlinearity, param 或 None]</translation>
    </message>
    <message>
        <source>{where}.{name}: expected text</source>
        <translation>{where}.{name}：应为文本</translation>
    </message>
    <message>
        <source>{where}.{name}: expected text or None</source>
        <translation>{where}.{name}：应为文本或 None</translation>
    </message>
    <message>
        <source>{where}: its function, arguments or expression are not valid</source>
        <translation>{where}：其函数、参数或表达式无效</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>管道（FIFO）</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>{name} is a folder, not a {what}. Choose a .pt file inside it.</source>
        <translation>{name} 是一个文件夹，不是{what}。请选择其中的一个 .pt 文件。</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a {what}, so LayerLab did not read it. Choose a .pt file saved on disk.</source>
        <translation>{name} 是{kind}，不是{what}，所以 LayerLab 没有读取它。请选择保存在磁盘上的 .pt 文件。</translation>
    </message>
    <message>
        <source>LayerLab has no permission to read {name}. Check the file&apos;s permissions.</source>
        <translation>LayerLab 没有读取 {name} 的权限。请检查该文件的权限。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes): it was probably not saved completely. If it was an autosave, look for an older copy.</source>
        <translation>{name} 是空的（0 字节）：它可能没有完整保存。如果它是自动保存的文件，请找一个更早的副本。</translation>
    </message>
    <message>
        <source>{name} is {size}, but only {have} of memory is free, so it cannot be opened here. Close other programs, or open it on a machine with more memory.</source>
        <translation>{name} 有 {size}，但可用内存只有 {have}，所以无法在这里打开。请关闭其他程序，或在内存更多的机器上打开。</translation>
    </message>
    <message>
        <source>{name} unpacks to {declared}, but only {have} of memory is free, so LayerLab did not open it. Close other programs, or open it on a machine with more memory.</source>
        <translation>{name} 解压后有 {declared}，但可用内存只有 {have}，所以 LayerLab 没有打开它。请关闭其他程序，或在内存更多的机器上打开。</translation>
    </message>
    <message>
        <source>There is no {what} at {name}. Check the name and folder.</source>
        <translation>{name} 处没有{what}。请检查名称和文件夹。</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>{name} cannot be opened: {why}. Choose another file.</source>
        <translation>{name} 无法打开：{why}。请选择其他文件。</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated: it is not a complete PyTorch file. If it was copied or downloaded, try again.</source>
        <translation>{name} 已损坏或被截断：它不是完整的 PyTorch 文件。如果它是复制或下载来的，请重试。</translation>
    </message>
    <message>
        <source>{name} is damaged: one of its parts claims {unpacked}, more than the whole file ({size}). If it was copied or downloaded, try again.</source>
        <translation>{name} 已损坏：其中一部分声称有 {unpacked}，比整个文件（{size}）还大。如果它是复制或下载来的，请重试。</translation>
    </message>
    <message>
        <source>{name} declares {unpacked} of data packed into {packed}, which torch.save never does: it looks like a zip bomb, so LayerLab did not open it.</source>
        <translation>{name} 声称把 {unpacked} 的数据压缩进了 {packed}，torch.save 从不这样做：它看起来像压缩炸弹，所以 LayerLab 没有打开它。</translation>
    </message>
    <message>
        <source>the name is not valid</source>
        <translation>名称无效</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>a {type}</source>
        <translation>一个 {type}</translation>
    </message>
    <message>
        <source>project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>{name} is not a LayerLab project: it holds a {type}, not a dict.</source>
        <translation>{name} 不是 LayerLab 项目：它保存的是 {type}，不是 dict。</translation>
    </message>
    <message>
        <source>{count} not loaded ({keys}): {reason}</source>
        <translation>{count} 个未加载（{keys}）：{reason}</translation>
    </message>
    <message>
        <source>{where}: in training mode BatchNorm needs more than one value per channel to average over. Use a batch of 2 or more, or turn training mode off (model.eval()).</source>
        <translation>{where}：在训练模式下，BatchNorm 需要每个通道有不止一个值才能求平均。请使用 2 或更大的批量，或者关闭训练模式（model.eval()）。</translation>
    </message>
    <message>
        <source>{problem} It got {shape}, where the design expects {wanted}.</source>
        <translation>{problem} 它收到的是 {shape}，而设计预期的是 {wanted}。</translation>
    </message>
    <message>
        <source>{problem} In this run it got {shape}.</source>
        <translation>{problem} 这次运行中它收到的是 {shape}。</translation>
    </message>
    <message>
        <source>Stopped after 1 step.</source>
        <translation>在 1 步后停止。</translation>
    </message>
    <message>
        <source>{name} is not a LayerLab project: it has no &apos;format&apos; entry.</source>
        <translation>{name} 不是 LayerLab 项目：它没有 &apos;format&apos; 项。</translation>
    </message>
    <message>
        <source>{name} is not a LayerLab project: its format is {value}, not &apos;layerlab&apos;.</source>
        <translation>{name} 不是 LayerLab 项目：它的格式是 {value}，不是 &apos;layerlab&apos;。</translation>
    </message>
    <message>
        <source>{name} has an invalid format version ({value}).</source>
        <translation>{name} 的格式版本无效（{value}）。</translation>
    </message>
    <message>
        <source>{name} was made by a newer LayerLab (format version {value}; this LayerLab {app} reads version {readable}). Update LayerLab to open it.</source>
        <translation>{name} 由更新版本的 LayerLab 创建（格式版本 {value}；当前 LayerLab {app} 读取版本 {readable}）。请更新 LayerLab 后再打开。</translation>
    </message>
    <message>
        <source>{name} has an invalid seed.</source>
        <translation>{name} 的种子无效。</translation>
    </message>
    <message>
        <source>{name} has no valid state_dict (a dict of names to tensors).</source>
        <translation>{name} 没有有效的 state_dict（名称到张量的 dict）。</translation>
    </message>
    <message>
        <source>{name} holds a single tensor, not a LayerLab project. Tensors like this are inputs for the Run panel.</source>
        <translation>{name} 保存的是单个张量，不是 LayerLab 项目。这样的张量是“运行”面板的输入。</translation>
    </message>
    <message>
        <source>{name} is a plain state_dict (weights only), not a LayerLab project. Use &apos;Load weights into the current design&apos; to put these weights into a design.</source>
        <translation>{name} 是普通的 state_dict（只有权重），不是 LayerLab 项目。请用“将权重载入当前设计”把这些权重放进一个设计。</translation>
    </message>
    <message>
        <source>{name} has a damaged design: {problem}</source>
        <translation>{name} 中的设计已损坏：{problem}</translation>
    </message>
    <message>
        <source>{name} has a damaged design: {problem}.</source>
        <translation>{name} 中的设计已损坏：{problem}。</translation>
    </message>
    <message>
        <source>{file} is damaged: LayerLab could not rebuild the design it describes. Open an earlier copy of it.</source>
        <translation>{file} 已损坏：LayerLab 无法重建它描述的设计。请打开它的一个更早的副本。</translation>
    </message>
    <message>
        <source>{name} has an unusable init rule: {problem} Open an earlier copy of the file.</source>
        <translation>{name} 中有无法使用的初始化规则：{problem} 请打开该文件的一个更早的副本。</translation>
    </message>
    <message>
        <source>{name} has an unusable init rule: {problem}. Open an earlier copy of the file.</source>
        <translation>{name} 中有无法使用的初始化规则：{problem}。请打开该文件的一个更早的副本。</translation>
    </message>
    <message>
        <source>This project was saved on {device}, which this machine does not have (or has no room on), so it opened on the CPU.</source>
        <translation>这个项目保存时在 {device} 上，而这台机器没有该设备（或其上没有空间），所以它在 CPU 上打开。</translation>
    </message>
    <message>
        <source>definitions: {problem}</source>
        <translation>definitions 中：{problem}</translation>
    </message>
    <message>
        <source>it cannot fill {where} {shape}</source>
        <translation>它无法填充 {where} {shape}</translation>
    </message>
    <message>
        <source>{function} on {parameters}</source>
        <translation>{function} 作用于 {parameters}</translation>
    </message>
    <message>
        <source>{function} on {parameters}, then {expression}</source>
        <translation>{function} 作用于 {parameters}，然后 {expression}</translation>
    </message>
    <message>
        <source>Init rule {number} ({rule}) no longer fits this design: {problem}. It was left out; the weights are as saved.</source>
        <translation>初始化规则 {number}（{rule}）已不适合这个设计：{problem}。它被略去了；权重保持保存时的样子。</translation>
    </message>
    <message>
        <source>the expression uses fan_in or fan_out, which {where} ({dims}-D) does not have</source>
        <translation>表达式用到了 fan_in 或 fan_out，但 {where}（{dims} 维）没有</translation>
    </message>
    <message>
        <source>it gives NaN or infinite values for {where}</source>
        <translation>它为 {where} 给出了 NaN 或无穷大的值</translation>
    </message>
    <message>
        <source>{rule} gives NaN or infinite values for {where}; parameters must be finite numbers</source>
        <translation>{rule} 为 {where} 给出了 NaN 或无穷大的值；参数必须是有限的数</translation>
    </message>
    <message>
        <source>init_rules[{index}]: {problem}</source>
        <translation>init_rules[{index}] 中：{problem}</translation>
    </message>
    <message>
        <source>{function} cannot fill {where}</source>
        <translation>{function} 无法填充 {where}</translation>
    </message>
    <message>
        <source>it fails when it fills {where}</source>
        <translation>它在填充 {where} 时出错</translation>
    </message>
    <message>
        <source>{rule} fails when it fills {where}</source>
        <translation>{rule} 在填充 {where} 时出错</translation>
    </message>
    <message>
        <source>it cannot be applied</source>
        <translation>它无法应用</translation>
    </message>
    <message>
        <source>{function} cannot be applied to this design</source>
        <translation>{function} 无法应用到这个设计</translation>
    </message>
    <message>
        <source>{name} is damaged: PyTorch could not read its contents. If it was copied or downloaded, try again, or open an earlier copy.</source>
        <translation>{name} 已损坏：PyTorch 无法读取其内容。如果它是复制或下载来的，请重试，或打开一个更早的副本。</translation>
    </message>
    <message>
        <source>LayerLab has no permission to read {name}.</source>
        <translation>LayerLab 没有读取 {name} 的权限。</translation>
    </message>
    <message>
        <source>{name} is too large to open with the memory this machine has free. Close other programs, or open it on a machine with more memory.</source>
        <translation>{name} 太大，这台机器的可用内存不足以打开它。请关闭其他程序，或在内存更多的机器上打开。</translation>
    </message>
    <message>
        <source>{name} is not a PyTorch .pt file (its contents cannot be read as one).</source>
        <translation>{name} 不是 PyTorch .pt 文件（其内容无法按 .pt 文件读取）。</translation>
    </message>
    <message>
        <source>{name} is incomplete: the part {part!r} is missing from it. It may have been damaged while copying.</source>
        <translation>{name} 不完整：其中缺少 {part!r} 部分。它可能在复制时损坏了。</translation>
    </message>
    <message>
        <source>{name} could not be read: {why}.</source>
        <translation>{name} 无法读取：{why}。</translation>
    </message>
    <message>
        <source>{name} asks to run Python code ({code}) when it is opened. LayerLab refused to open it, and nothing in it ran. Only open .pt files from sources you trust.</source>
        <translation>{name} 在打开时要求运行 Python 代码（{code}）。LayerLab 拒绝打开它，其中的任何内容都没有运行。只打开来源可信的 .pt 文件。</translation>
    </message>
    <message>
        <source>{name} asks to run Python code when it is opened. LayerLab refused to open it, and nothing in it ran. Only open .pt files from sources you trust.</source>
        <translation>{name} 在打开时要求运行 Python 代码。LayerLab 拒绝打开它，其中的任何内容都没有运行。只打开来源可信的 .pt 文件。</translation>
    </message>
    <message>
        <source>{name} holds data in a form LayerLab does not read (it may come from another program); nothing in it ran. Save it again with torch.save of tensors and dicts.</source>
        <translation>{name} 中的数据格式 LayerLab 无法读取（可能来自其他程序）；其中的任何内容都没有运行。请用 torch.save 保存张量和 dict 后再试。</translation>
    </message>
    <message>
        <source>{path} in your library is larger than {size}, so it is not a definition LayerLab wrote.</source>
        <translation>你的库中的 {path} 大于 {size}，所以它不是 LayerLab 写出的定义。</translation>
    </message>
    <message>
        <source>{a}, {b}</source>
        <translation>{a}, {b}</translation>
    </message>
    <message>
        <source>{a}; {b}</source>
        <translation>{a}；{b}</translation>
    </message>
    <message>
        <source>In training mode, {blocks} updated its running statistics (running_mean, running_var), as model(x) does after model.train(); in eval mode a run uses them and leaves them as they are. Reset from seed brings back the seed&apos;s values.</source>
        <translation>在训练模式下，{blocks} 更新了它的运行统计量（running_mean、running_var），就像 model.train() 之后调用 model(x) 那样；在评估模式下，运行会使用它们而不改变它们。“从种子重置”会恢复种子给出的值。</translation>
    </message>
    <message>
        <source>In training mode, {blocks} updated their running statistics (running_mean, running_var), as model(x) does after model.train(); in eval mode a run uses them and leaves them as they are. Reset from seed brings back the seed&apos;s values.</source>
        <translation>在训练模式下，{blocks} 更新了它们的运行统计量（running_mean、running_var），就像 model.train() 之后调用 model(x) 那样；在评估模式下，运行会使用它们而不改变它们。“从种子重置”会恢复种子给出的值。</translation>
    </message>
    <message>
        <source>Training needs about {needed} on {device} (a copy of the design, its gradients, the optimizer&apos;s state, the teacher&apos;s copy, and each step&apos;s forward and backward pass), but only {free} is free there. Make the design or its input shape smaller, or use SGD (Adam keeps two more values per parameter).</source>
        <translation>训练在 {device} 上大约需要 {needed}（设计的一份副本、它的梯度、优化器的状态、教师网络的副本，以及每一步的前向和反向传播），但那里只有 {free} 空闲。请把设计或输入形状改小，或者改用 SGD（Adam 为每个参数多保存两个值）。</translation>
    </message>
    <message>
        <source>{where}: a block changed a tensor in place (such as ReLU(inplace=True) or Dropout(inplace=True)) that autograd had saved for the backward pass. Set inplace=False on that block to run backward.</source>
        <translation>{where}：某个块原地修改了 autograd 为反向传播保存的张量（例如 ReLU(inplace=True) 或 Dropout(inplace=True)）。请在那个块上设置 inplace=False 再运行反向传播。</translation>
    </message>
    <message>
        <source>{where}: no parameter this loss depends on requires a gradient (the design has none, or they are all frozen), so there is nothing to compute. Unfreeze a block (requires_grad), or run forward only.</source>
        <translation>{where}：这个损失所依赖的参数都不需要梯度（设计没有参数，或者全部被冻结），所以没有什么可计算的。请解冻一个块（requires_grad），或者只运行前向传播。</translation>
    </message>
    <message>
        <source>{where}: the input has dtype {dtype}, which this layer cannot take ({problem}). {fix}</source>
        <translation>{where}：输入的 dtype 是 {dtype}，这个层无法接受（{problem}）。{fix}</translation>
    </message>
    <message>
        <source>{where} looks up token ids: it takes a LongTensor of whole numbers (e.g. torch.randint(0, {count}, shape) or x.long()), not {dtype}.</source>
        <translation>{where} 查找的是词元 id：它接受由整数组成的 LongTensor（例如 torch.randint(0, {count}, shape) 或 x.long()），而不是 {dtype}。</translation>
    </message>
    <message>
        <source>{where} has num_embeddings={count}, so it looks up ids 0 to {last}; this input holds ids from {low} to {high}. Use ids from 0 to {last}, or a larger num_embeddings.</source>
        <translation>{where} 的 num_embeddings={count}，所以它只能查找 id 0 到 {last}；这个输入里的 id 从 {low} 到 {high}。请使用 0 到 {last} 之间的 id，或者更大的 num_embeddings。</translation>
    </message>
    <message>
        <source>Convert it with x.float() (a NumPy array gives float64).</source>
        <translation>请用 x.float() 转换（NumPy 数组得到的是 float64）。</translation>
    </message>
    <message>
        <source>Convert it with x.float().</source>
        <translation>请用 x.float() 转换。</translation>
    </message>
    <message>
        <source>Convert it with x.float(), unless the design takes token ids.</source>
        <translation>请用 x.float() 转换，除非这个设计接受的是词元 id。</translation>
    </message>
    <message>
        <source>Stopped before {where}: the run ended there, and nothing it did is kept.</source>
        <translation>在{where}之前停止：运行到此结束，它所做的一切都没有保留。</translation>
    </message>
    <message>
        <source>The backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to {max_seed:,}, not {seed!r}.</source>
        <translation>种子必须是 0 到 {max_seed:,} 之间的整数，而不是 {seed!r}。</translation>
    </message>
    <message>
        <source>The tensor is a nested tensor (rows of different lengths); a design takes an ordinary dense tensor: pad the rows to one length first (e.g. torch.nested.to_padded_tensor(t, 0.0)).</source>
        <translation>这个张量是嵌套张量（各行长度不同）；设计接受的是普通的稠密张量：请先把各行填充到同一长度（例如 torch.nested.to_padded_tensor(t, 0.0)）。</translation>
    </message>
    <message>
        <source>0 to {max_seed:,}</source>
        <translation>0 到 {max_seed:,}</translation>
    </message>
    <message>
        <source>Stopped before the first step: nothing was trained.</source>
        <translation>在第一步之前就停止了：什么都没有训练。</translation>
    </message>
    <message>
        <source>The loss became {value} at step {step}: the weights blew up.</source>
        <translation>损失在第 {step} 步变成了 {value}：权重发散了。</translation>
    </message>
    <message>
        <source>The loss is {value} from the first step, before any weight was updated: the design&apos;s output is already NaN or infinite on this task&apos;s data (a log or sqrt of negative values, a division by zero?). Run forward to see the first block where it appears.</source>
        <translation>损失从第一步起就是 {value}，那时还没有更新任何权重：设计在这个任务的数据上的输出本身就是 NaN 或无穷大（对负数取 log 或 sqrt？除以零？）。运行前向传播，看看它最先出现在哪个块。</translation>
    </message>
    <message>
        <source>an unknown shape</source>
        <translation>未知的形状</translation>
    </message>
    <message>
        <source>The teacher network (a copy of the design)</source>
        <translation>教师网络（设计的一份副本）</translation>
    </message>
    <message>
        <source>Revert, then try a smaller learning rate.</source>
        <translation>请还原，然后试试更小的学习率。</translation>
    </message>
    <message>
        <source>The file name contains a NUL character, which no file name can hold. Choose another name.</source>
        <translation>文件名中含有 NUL 字符，任何文件名都不能包含它。请换一个名字。</translation>
    </message>
    <message>
        <source>{file} asks to call {name} while it is read, which no file torch.save or LayerLab writes does: it could fill the memory from a few bytes, so LayerLab did not open it.</source>
        <translation>{file} 要求在读取时调用 {name}，而 torch.save 或 LayerLab 写出的文件都不会这样做：它可能用几个字节占满内存，所以 LayerLab 没有打开它。</translation>
    </message>
    <message>
        <source>{name} describes its contents in {size}, which could take up to {need} of memory to read, but only {have} is free, so LayerLab did not open it. Close other programs, or open it on a machine with more memory.</source>
        <translation>{name} 用 {size} 描述它的内容，读取时最多可能需要 {need} 内存，但可用内存只有 {have}，所以 LayerLab 没有打开它。请关闭其他程序，或在内存更多的机器上打开。</translation>
    </message>
    <message>
        <source>{name} is damaged: its training mode is {value}, not true or false.</source>
        <translation>{name} 已损坏：它的训练模式是 {value}，而不是 true 或 false。</translation>
    </message>
    <message>
        <source>{name} took more than {seconds} s to read, far longer than any file torch.save writes of its size ({size} of description) takes, so LayerLab stopped reading it: it may be built to hang whatever opens it. If it is yours, open it on a faster machine.</source>
        <translation>读取 {name} 用了超过 {seconds} 秒，远远超过 torch.save 写出的同样大小的文件（描述部分 {size}）所需的时间，所以 LayerLab 停止了读取：它可能是故意做成让打开它的程序卡住的。如果这是你自己的文件，请在更快的机器上打开它。</translation>
    </message>
    <message>
        <source>{name} holds a NumPy array or number ({code}), not a tensor. LayerLab does not read NumPy objects from files (their pickles could run code), and nothing in it ran: save torch.from_numpy(array) or torch.tensor(number) instead.</source>
        <translation>{name} 里存的是 NumPy 数组或数值（{code}），不是张量。LayerLab 不从文件中读取 NumPy 对象（它们的 pickle 可能运行代码），文件里的内容也没有运行：请改为保存 torch.from_numpy(array) 或 torch.tensor(number)。</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>系统拒绝了</translation>
    </message>
    <message>
        <source>on the meta device, so it has no values; save the real tensor instead</source>
        <translation>在 meta 设备上，因此没有数值；请改为保存真实的张量</translation>
    </message>
    <message>
        <source>a {layout} tensor; save it dense, with .to_dense()</source>
        <translation>{layout} 张量；请用 .to_dense() 保存为稠密张量</translation>
    </message>
    <message>
        <source>a nested tensor; save a regular tensor instead</source>
        <translation>嵌套张量；请改为保存普通张量</translation>
    </message>
    <message>
        <source>a quantized tensor; save it with .dequantize()</source>
        <translation>量化张量；请用 .dequantize() 保存</translation>
    </message>
    <message>
        <source>complex ({dtype}), which no layer computes with; save .real</source>
        <translation>复数（{dtype}），没有层用它计算；请保存 .real</translation>
    </message>
    <message>
        <source>a view that repeats one stored value (stride 0, as .expand makes); save it with .contiguous()</source>
        <translation>一个重复同一个存储值的视图（stride 为 0，如 .expand 生成的）；请用 .contiguous() 保存</translation>
    </message>
    <message>
        <source>a view whose elements overlap in memory (as .as_strided can make); save it with .contiguous()</source>
        <translation>一个元素在内存中重叠的视图（如 .as_strided 可能生成的）；请用 .contiguous() 保存</translation>
    </message>
    <message>
        <source>{keys} and {count} more</source>
        <translation>{keys} 等另外 {count} 个</translation>
    </message>
    <message>
        <source>no value for {keys}</source>
        <translation>{keys} 没有值</translation>
    </message>
    <message>
        <source>{keys} belong to no block of the design</source>
        <translation>{keys} 不属于设计中的任何块</translation>
    </message>
    <message>
        <source>{name}: the tensor {key} is {problem}. Nothing was loaded.</source>
        <translation>{name}：张量 {key} 是{problem}。没有载入任何内容。</translation>
    </message>
    <message>
        <source>{key} belongs to no block of the design</source>
        <translation>{key} 不属于设计中的任何块</translation>
    </message>
    <message>
        <source>{key} has shape {shape}, but the design needs {want}</source>
        <translation>{key} 的形状为 {shape}，但设计需要 {want}</translation>
    </message>
    <message>
        <source>{key} is {dtype}, but the design computes in {want}; save it with .to(torch.{want})</source>
        <translation>{key} 是 {dtype}，但设计用 {want} 计算；请用 .to(torch.{want}) 保存</translation>
    </message>
    <message>
        <source>{key} and {other} are one shared block&apos;s tensor, but the file gives them different values</source>
        <translation>{key} 和 {other} 是同一个共享块的张量，但文件给了它们不同的值</translation>
    </message>
    <message>
        <source>Exporting weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <source>weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <source>{file} holds no state_dict: expected a dict of parameter names to tensors (or one under &apos;state_dict&apos; or &apos;model&apos;).</source>
        <translation>{file} 中没有 state_dict：应为参数名到张量的 dict（或放在 &apos;state_dict&apos; 或 &apos;model&apos; 下）。</translation>
    </message>
    <message>
        <source>tensor file</source>
        <translation>张量文件</translation>
    </message>
    <message>
        <source>{file} holds a single tensor, not a state_dict of weights.</source>
        <translation>{file} 保存的是单个张量，不是权重的 state_dict。</translation>
    </message>
    <message>
        <source>Only tensors can be saved this way, not {type}.</source>
        <translation>只有张量能这样保存，{type} 不行。</translation>
    </message>
    <message>
        <source>{file} does not hold a single tensor (it holds a {type}).</source>
        <translation>{file} 保存的不是单个张量（而是 {type}）。</translation>
    </message>
    <message>
        <source>{file} holds a tensor that is {problem}.</source>
        <translation>{file} 保存的张量是{problem}。</translation>
    </message>
    <message>
        <source>The lesson file {path} is damaged: {problem}. Reinstall LayerLab, or run &apos;python tools/build_lessons.py&apos; in a checkout.</source>
        <translation>课程文件 {path} 已损坏：{problem}。请重新安装 LayerLab，或在源码目录中运行 &apos;python tools/build_lessons.py&apos;。</translation>
    </message>
    <message>
        <source>There is no lesson {name!r}. The lessons are: {known}.</source>
        <translation>没有课程 {name!r}。现有课程：{known}。</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must map each language to its text</source>
        <translation>&apos;{key}&apos; 必须把每种语言映射到它的文本</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must name a project file in the same folder (letters, digits, - and _)</source>
        <translation>&apos;{key}&apos; 必须指明同一文件夹中的项目文件（字母、数字、- 和 _）</translation>
    </message>
    <message>
        <source>its design {value}.pt is missing</source>
        <translation>它的设计 {value}.pt 缺失</translation>
    </message>
    <message>
        <source>it is not a lesson (format {format!r})</source>
        <translation>它不是课程文件（格式 {format!r}）</translation>
    </message>
    <message>
        <source>it has version {version!r}; this LayerLab reads version {readable}</source>
        <translation>它的版本是 {version!r}；当前 LayerLab 读取版本 {readable}</translation>
    </message>
    <message>
        <source>&apos;number&apos; must be a whole number from 1 to {limit}</source>
        <translation>&apos;number&apos; 必须是 1 到 {limit} 之间的整数</translation>
    </message>
    <message>
        <source>&apos;focus&apos; must be one of {choices}</source>
        <translation>&apos;focus&apos; 必须是 {choices} 之一</translation>
    </message>
    <message>
        <source>&apos;select&apos; must be a block path such as &quot;1.0&quot;</source>
        <translation>&apos;select&apos; 必须是块路径，例如 &quot;1.0&quot;</translation>
    </message>
    <message>
        <source>&apos;extras&apos; must be a list of {{design, label}}</source>
        <translation>&apos;extras&apos; 必须是 {{design, label}} 的列表</translation>
    </message>
    <message>
        <source>&apos;when&apos; may hold only {choices}</source>
        <translation>&apos;when&apos; 只能包含 {choices}</translation>
    </message>
    <message>
        <source>{folder} holds {count} lesson files; LayerLab reads at most {limit}.</source>
        <translation>{folder} 中有 {count} 个课程文件；LayerLab 最多读取 {limit} 个。</translation>
    </message>
    <message>
        <source>Two lessons in {folder} have the number {number}: give each its own.</source>
        <translation>{folder} 中有两个课程的编号都是 {number}：请给每个课程不同的编号。</translation>
    </message>
    <message>
        <source>it is larger than {size}</source>
        <translation>它大于 {size}</translation>
    </message>
    <message>
        <source>classes are built inside classes more than {limit} deep</source>
        <translation>类中构建类的嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{ref} must derive from nn.Module, and from nothing else ({base} is a class of the file): LayerLab reads class {ref}(nn.Module)</source>
        <translation>{ref} 必须继承 nn.Module，且不能继承其他类（{base} 是文件中的类）：LayerLab 读取 class {ref}(nn.Module)</translation>
    </message>
    <message>
        <source>{ref} must derive from nn.Module, and from nothing else: LayerLab reads class {ref}(nn.Module)</source>
        <translation>{ref} 必须继承 nn.Module，且不能继承其他类：LayerLab 读取 class {ref}(nn.Module)</translation>
    </message>
    <message>
        <source>{construct} in the body of {ref} is not something LayerLab reads: a class holds def __init__ and def forward only. {supported}.</source>
        <translation>{ref} 类体中的{construct}不是 LayerLab 能读取的内容：类中只能有 def __init__ 和 def forward。{supported}。</translation>
    </message>
    <message>
        <source>{class_name} cannot become a LayerLab definition: {reason}</source>
        <translation>{class_name} 无法成为 LayerLab 定义：{reason}</translation>
    </message>
    <message>
        <source>{construct} in {class_name}.forward is not something LayerLab reads. {supported}, so that forward is one expression over its input.</source>
        <translation>{class_name}.forward 中的{construct}不是 LayerLab 能读取的内容。{supported}，这样 forward 就是对其输入的一个表达式。</translation>
    </message>
    <message>
        <source>forward has more than {limit} statements, more than LayerLab reads</source>
        <translation>forward 有超过 {limit} 条语句，超过了 LayerLab 能读取的数量</translation>
    </message>
    <message>
        <source>{construct} in {ref}.__init__ is not something LayerLab reads. {supported}.</source>
        <translation>{ref}.__init__ 中的{construct}不是 LayerLab 能读取的内容。{supported}。</translation>
    </message>
    <message>
        <source>nn.init.{function} is not an init function LayerLab knows; it knows {names}</source>
        <translation>nn.init.{function} 不是 LayerLab 知道的初始化函数；它知道 {names}</translation>
    </message>
    <message>
        <source>{problem}. {supported}.</source>
        <translation>{problem}。{supported}。</translation>
    </message>
    <message>
        <source>{name} is assigned again in __init__; LayerLab reads __init__ that keeps its arguments as they are</source>
        <translation>{name} 在 __init__ 中被再次赋值；LayerLab 读取保持参数原样的 __init__</translation>
    </message>
    <message>
        <source>{name} holds a module or tensor; assign it to self.{name} directly, as LayerLab reads submodules and parameters set on self</source>
        <translation>{name} 保存的是模块或张量；请直接把它赋给 self.{name}，因为 LayerLab 读取设置在 self 上的子模块和参数</translation>
    </message>
    <message>
        <source>nn.init.{function} does not take these arguments ({reason}); LayerLab reads {names}</source>
        <translation>nn.init.{function} 不接收这些参数（{reason}）；LayerLab 读取 {names}</translation>
    </message>
    <message>
        <source>a size</source>
        <translation>一个大小</translation>
    </message>
    <message>
        <source>only the tensor</source>
        <translation>只有张量本身</translation>
    </message>
    <message>
        <source>Line {line}: {ref}(...) in {name} applies its layers in turn, as nn.Sequential does; LayerLab reads it as an nn.Sequential of them (same keys, same weights), because {why}.</source>
        <translation>第 {line} 行：{name} 中的 {ref}(...) 像 nn.Sequential 那样依次应用它的层；LayerLab 把它读作由这些层组成的 nn.Sequential（相同的键、相同的权重），因为{why}。</translation>
    </message>
    <message>
        <source>{class_name} builds itself ({names}); LayerLab reads classes that do not</source>
        <translation>{class_name} 构建了它自己（{names}）；LayerLab 读取不这样做的类</translation>
    </message>
    <message>
        <source>it is given other layers than on line {line}, and a LayerLab block has one set of layers</source>
        <translation>给它的层与第 {line} 行不同，而一个 LayerLab 块只有一组层</translation>
    </message>
    <message>
        <source>{class_name} takes other arguments besides *{varargs}; LayerLab reads a class that takes only its layers</source>
        <translation>{class_name} 除了 *{varargs} 之外还接收其他参数；LayerLab 读取只接收其层的类</translation>
    </message>
    <message>
        <source>Line {line}: {name}(...) applies its layers in turn, as nn.Sequential does; LayerLab reads it as an nn.Sequential of them (same keys, same weights), because {why}.</source>
        <translation>第 {line} 行：{name}(...) 像 nn.Sequential 那样依次应用它的层；LayerLab 把它读作由这些层组成的 nn.Sequential（相同的键、相同的权重），因为{why}。</translation>
    </message>
    <message>
        <source>{ref}() does not take these arguments ({reason})</source>
        <translation>{ref}() 不接收这些参数（{reason}）</translation>
    </message>
    <message>
        <source>{ref}&apos;s argument {name} is {value}; LayerLab reads classes whose constructor arguments are numbers (a class taking its layers as *args is read as a Sequential)</source>
        <translation>{ref} 的参数 {name} 是{value}；LayerLab 读取构造函数参数为数字的类（以 *args 接收层的类会被读作 Sequential）</translation>
    </message>
    <message>
        <source>{class_name} cannot become a LayerLab definition: {reason}.</source>
        <translation>{class_name} 无法成为 LayerLab 定义：{reason}。</translation>
    </message>
    <message>
        <source>{class_name} reads differently here than at its call on line {calls} (a name it uses changed in between); LayerLab keeps one definition per class</source>
        <translation>{class_name} 在这里的读法与它在第 {calls} 行被调用时不同（它用到的某个名称在这之间改变了）；LayerLab 为每个类只保留一个定义</translation>
    </message>
    <message>
        <source>Sequentials nest more than {limit} deep inside this class, deeper than LayerLab reads</source>
        <translation>这个类中 Sequential 的嵌套超过 {limit} 层，超过了 LayerLab 能读取的深度</translation>
    </message>
    <message>
        <source>this Sequential has more than {limit} layers, more than LayerLab reads in a class</source>
        <translation>这个 Sequential 有超过 {limit} 个层，超过了 LayerLab 在类中能读取的数量</translation>
    </message>
    <message>
        <source>the key is not text</source>
        <translation>键不是文本</translation>
    </message>
    <message>
        <source>{ref} builds itself (through {names}); LayerLab reads classes that do not</source>
        <translation>{ref} 构建了它自己（通过 {names}）；LayerLab 读取不这样做的类</translation>
    </message>
    <message>
        <source>{layer}() does not take these arguments ({reason}); its hyperparameters are {names}</source>
        <translation>{layer}() 不接收这些参数（{reason}）；它的超参数是 {names}</translation>
    </message>
    <message>
        <source>the key {key!r} is used twice</source>
        <translation>键 {key!r} 用了两次</translation>
    </message>
    <message>
        <source>{what} grows into an expression too large for LayerLab ({nodes:,} parts, nested {depth} deep; at most {max_nodes:,} parts, {max_depth} deep): each local name is written out where it is used, so use fewer of them or simplify the computation</source>
        <translation>{what} 会变成 LayerLab 无法处理的大表达式（{nodes:,} 个部分，嵌套 {depth} 层；最多 {max_nodes:,} 个部分、{max_depth} 层）：每个局部名称都会在使用处展开，所以请少用一些局部名称或简化计算</translation>
    </message>
    <message>
        <source>{what} is {count:,} characters long once written as one expression; LayerLab keeps expressions of up to {limit:,}</source>
        <translation>{what} 写成一个表达式后有 {count:,} 个字符；LayerLab 保留最多 {limit:,} 个字符的表达式</translation>
    </message>
    <message>
        <source>{what} is {code!r}, which LayerLab cannot write as arithmetic on the constructor&apos;s arguments: use + - * / // % ** and int(), min(), max() of numbers and argument names</source>
        <translation>{what} 是 {code!r}，LayerLab 无法把它写成对构造函数参数的算术：请使用 + - * / // % ** 以及数字和参数名的 int()、min()、max()</translation>
    </message>
    <message>
        <source>{name!r} is not the input, a local name or a number of the file; forward may use its input, names it assigned, self.&lt;parameter&gt; and numbers</source>
        <translation>{name!r} 不是输入、局部名称，也不是文件中的数字；forward 可以使用它的输入、它赋值的名称、self.&lt;参数&gt; 和数字</translation>
    </message>
    <message>
        <source>{name!r} is the module itself; LayerLab reads arithmetic on the constructor&apos;s arguments here</source>
        <translation>{name!r} 是模块本身；LayerLab 在这里读取对构造函数参数的算术</translation>
    </message>
    <message>
        <source>{name} is a value, not a function</source>
        <translation>{name} 是一个值，不是函数</translation>
    </message>
    <message>
        <source>Line {line}: {code} is read as {value}: the same values, but LayerLab&apos;s layer lets gradients reach it (.data would stop them, so the hand-written layer would not train it).</source>
        <translation>第 {line} 行：{code} 按 {value} 读取：数值相同，但 LayerLab 的层会让梯度传到它（.data 会挡住梯度，手写的层就不会训练它）。</translation>
    </message>
    <message>
        <source>the argument {arg}= is not one LayerLab&apos;s expressions pass; they pass {names}</source>
        <translation>参数 {arg}= 不是 LayerLab 表达式会传递的参数；它们传递 {names}</translation>
    </message>
    <message>
        <source>{code} is not a function LayerLab&apos;s expressions know; they know {names}</source>
        <translation>{code} 不是 LayerLab 表达式知道的函数；它们知道 {names}</translation>
    </message>
    <message>
        <source>.{attr}() is not a tensor method LayerLab&apos;s expressions know; they know {names}</source>
        <translation>.{attr}() 不是 LayerLab 表达式知道的张量方法；它们知道 {names}</translation>
    </message>
    <message>
        <source>a list comprehension</source>
        <translation>列表推导式</translation>
    </message>
    <message>
        <source>a set comprehension</source>
        <translation>集合推导式</translation>
    </message>
    <message>
        <source>a dict comprehension</source>
        <translation>字典推导式</translation>
    </message>
    <message>
        <source>a generator expression</source>
        <translation>生成器表达式</translation>
    </message>
    <message>
        <source>a lambda</source>
        <translation>lambda 表达式</translation>
    </message>
    <message>
        <source>a conditional expression</source>
        <translation>条件表达式</translation>
    </message>
    <message>
        <source>a comparison</source>
        <translation>比较运算</translation>
    </message>
    <message>
        <source>and/or</source>
        <translation>and/or 运算</translation>
    </message>
    <message>
        <source>an f-string</source>
        <translation>f-string 格式字符串</translation>
    </message>
    <message>
        <source>a dict literal</source>
        <translation>字典字面量</translation>
    </message>
    <message>
        <source>a set literal</source>
        <translation>集合字面量</translation>
    </message>
    <message>
        <source>an assignment expression (:=)</source>
        <translation>赋值表达式（:=）</translation>
    </message>
    <message>
        <source>await</source>
        <translation>await 表达式</translation>
    </message>
    <message>
        <source>yield</source>
        <translation>yield 表达式</translation>
    </message>
    <message>
        <source>indexing</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>a slice</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>star-args (*)</source>
        <translation>星号参数（*）</translation>
    </message>
    <message>
        <source>a for loop</source>
        <translation>for 循环</translation>
    </message>
    <message>
        <source>a while loop</source>
        <translation>while 循环</translation>
    </message>
    <message>
        <source>an if statement</source>
        <translation>if 语句</translation>
    </message>
    <message>
        <source>a with block</source>
        <translation>with 块</translation>
    </message>
    <message>
        <source>a try block</source>
        <translation>try 块</translation>
    </message>
    <message>
        <source>a del statement</source>
        <translation>del 语句</translation>
    </message>
    <message>
        <source>a class definition</source>
        <translation>类定义</translation>
    </message>
    <message>
        <source>an async function</source>
        <translation>异步函数</translation>
    </message>
    <message>
        <source>a global statement</source>
        <translation>global 语句</translation>
    </message>
    <message>
        <source>a nonlocal statement</source>
        <translation>nonlocal 语句</translation>
    </message>
    <message>
        <source>a raise statement</source>
        <translation>raise 语句</translation>
    </message>
    <message>
        <source>an assert statement</source>
        <translation>assert 语句</translation>
    </message>
    <message>
        <source>a return statement</source>
        <translation>return 语句</translation>
    </message>
    <message>
        <source>a match statement</source>
        <translation>match 语句</translation>
    </message>
    <message>
        <source>an import</source>
        <translation>import 语句</translation>
    </message>
    <message>
        <source>a def</source>
        <translation>def 定义</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass 语句</translation>
    </message>
    <message>
        <source>a break statement</source>
        <translation>break 语句</translation>
    </message>
    <message>
        <source>a continue statement</source>
        <translation>continue 语句</translation>
    </message>
    <message>
        <source>an expression statement</source>
        <translation>表达式语句</translation>
    </message>
    <message>
        <source>a {type} statement</source>
        <translation>{type} 语句</translation>
    </message>
    <message>
        <source>an assignment to an index</source>
        <translation>对索引的赋值</translation>
    </message>
    <message>
        <source>an assignment to an attribute</source>
        <translation>对属性的赋值</translation>
    </message>
    <message>
        <source>an augmented assignment</source>
        <translation>增量赋值</translation>
    </message>
    <message>
        <source>an assignment</source>
        <translation>赋值</translation>
    </message>
    <message>
        <source>a call of {name}()</source>
        <translation>对 {name}() 的调用</translation>
    </message>
    <message>
        <source>a call</source>
        <translation>函数调用</translation>
    </message>
    <message>
        <source>Sequential of {count} ({layers}, {parameters:,} parameters before its lazy layers are sized by the input)</source>
        <translation>{count} 项的 Sequential（{layers}，惰性层按输入确定大小之前有 {parameters:,} 个参数）</translation>
    </message>
    <message>
        <source>Expected Python source as text, not {type}.</source>
        <translation>源代码应为文本，而不是 {type}。</translation>
    </message>
    <message>
        <source>The source is {count:,} characters long; LayerLab reads Python code of up to {limit:,} characters. Is it really a model definition?</source>
        <translation>源代码有 {count:,} 个字符；LayerLab 读取最多 {limit:,} 个字符的 Python 代码。它真的是模型定义吗？</translation>
    </message>
    <message>
        <source>Line {line}: {layer}(...) is constructed outside the model while the model is built or initialized. Running the file draws random numbers for it; LayerLab does not, so the weights are those of the model&apos;s own layers after torch.manual_seed(seed).</source>
        <translation>第 {line} 行：{layer}(...) 是在构建或初始化模型期间在模型之外创建的。运行该文件会为它抽取随机数；LayerLab 不会，所以权重是 torch.manual_seed(seed) 之后模型自身各层的权重。</translation>
    </message>
    <message>
        <source>the function {name} (call it: {name}())</source>
        <translation>函数 {name}（请调用它：{name}()）</translation>
    </message>
    <message>
        <source>{construct} is not supported in a model definition. {supported}.</source>
        <translation>模型定义中不支持{construct}。{supported}。</translation>
    </message>
    <message>
        <source>the module {type}</source>
        <translation>模块 {type}</translation>
    </message>
    <message>
        <source>the function {name}</source>
        <translation>函数 {name}</translation>
    </message>
    <message>
        <source>{ref}(...) cannot be part of a model definition. {supported}.</source>
        <translation>{ref}(...) 不能作为模型定义的一部分。{supported}。</translation>
    </message>
    <message>
        <source>reading this file takes too much work (more than {steps:,} steps or {seconds:g} s): LayerLab reads model definitions, not computations. Write the model&apos;s layers out, or build fewer of them</source>
        <translation>读取这个文件的工作量太大（超过 {steps:,} 步或 {seconds:g} 秒）：LayerLab 读取的是模型定义，而不是计算。请写出模型的各层，或少构建一些层</translation>
    </message>
    <message>
        <source>a {type} constant cannot be a hyperparameter. {supported}.</source>
        <translation>{type} 常量不能作为超参数。{supported}。</translation>
    </message>
    <message>
        <source>reading .{attr} of {what} is not supported; write the value itself instead. {supported}.</source>
        <translation>不支持读取{what}的 .{attr}；请直接写出值本身。{supported}。</translation>
    </message>
    <message>
        <source>{ref} is not a layer LayerLab knows (it is the lazy form of nn.{layer}, which LayerLab does not know either; the lazy layers it reads are {lazy}). It knows nn.Sequential and: {known}.</source>
        <translation>{ref} 不是 LayerLab 知道的层（它是 nn.{layer} 的惰性形式，而 LayerLab 也不知道后者；它能读取的惰性层有 {lazy}）。它知道 nn.Sequential 以及：{known}。</translation>
    </message>
    <message>
        <source>{ref} is not a layer LayerLab knows. It knows nn.Sequential and: {known}.</source>
        <translation>{ref} 不是 LayerLab 知道的层。它知道 nn.Sequential 以及：{known}。</translation>
    </message>
    <message>
        <source>{function}() takes {expected} positional arguments but got {got}</source>
        <translation>{function}() 接收 {expected} 个位置参数，但得到了 {got} 个</translation>
    </message>
    <message>
        <source>the expression is nested more than {limit} levels deep; build inner Sequentials as variables first (inner = nn.Sequential(...))</source>
        <translation>表达式的嵌套超过 {limit} 层；请先把内部的 Sequential 构建为变量（inner = nn.Sequential(...)）</translation>
    </message>
    <message>
        <source>more than {limit:,} items</source>
        <translation>超过 {limit:,} 项</translation>
    </message>
    <message>
        <source>{name!r} is not defined before it is used here: assign it earlier in the file (e.g. {name} = 64) or import it from torch.nn</source>
        <translation>{name!r} 在这里使用之前没有定义：请在文件中更早的地方给它赋值（例如 {name} = 64），或从 torch.nn 导入它</translation>
    </message>
    <message>
        <source>more than {limit:,} layers</source>
        <translation>超过 {limit:,} 个层</translation>
    </message>
    <message>
        <source>calling .{attr}() of {what} is not supported. {supported}.</source>
        <translation>不支持调用{what}的 .{attr}()。{supported}。</translation>
    </message>
    <message>
        <source>{name}() is not defined in the file: LayerLab calls torch.nn layers, nn.Sequential, OrderedDict and functions defined earlier in the file</source>
        <translation>{name}() 没有在文件中定义：LayerLab 调用 torch.nn 的层、nn.Sequential、OrderedDict 和文件中先前定义的函数</translation>
    </message>
    <message>
        <source>{function}(...) takes one number</source>
        <translation>{function}(...) 接收一个数字</translation>
    </message>
    <message>
        <source>{name!r} is used but never imported: add {missing} at the top of the file</source>
        <translation>{name!r} 被使用了但从未导入：请在文件开头添加 {missing}</translation>
    </message>
    <message>
        <source>{function}({args!r}) fails: {reason}</source>
        <translation>{function}({args!r}) 出错：{reason}</translation>
    </message>
    <message>
        <source>LayerLab reads init functions made of nn.init calls, type checks (if type(m) is nn.Linear:), &apos;if m.bias is not None:&apos;, &apos;for name, w in m.named_parameters(recurse=False):&apos; with &apos;if &quot;weight&quot; in name:&apos;, names assigned once (mask = m.weight.data.abs() &gt;= 5), and one custom update of the fresh values (w.copy_(...) or m.weight.data *= ...)</source>
        <translation>LayerLab 读取由以下内容组成的初始化函数：nn.init 调用、类型检查（if type(m) is nn.Linear:）、&apos;if m.bias is not None:&apos;、带 &apos;if &quot;weight&quot; in name:&apos; 的 &apos;for name, w in m.named_parameters(recurse=False):&apos;、只赋值一次的名称（mask = m.weight.data.abs() &gt;= 5），以及对新生成数值的一次自定义更新（w.copy_(...) 或 m.weight.data *= ...）</translation>
    </message>
    <message>
        <source>LayerLab does not read this condition in an init function. {supported}.</source>
        <translation>LayerLab 在初始化函数中不读取这个条件。{supported}。</translation>
    </message>
    <message>
        <source>this assignment is not read in an init function. {supported}.</source>
        <translation>初始化函数中不读取这个赋值。{supported}。</translation>
    </message>
    <message>
        <source>{shown}(...) inside the init function {function}(): LayerLab reads init functions as rules and does not run them. {supported}.</source>
        <translation>初始化函数 {function}() 中的 {shown}(...)：LayerLab 把初始化函数读作规则，并不运行它们。{supported}。</translation>
    </message>
    <message>
        <source>this for loop is not read in an init function. {supported}.</source>
        <translation>初始化函数中不读取这个 for 循环。{supported}。</translation>
    </message>
    <message>
        <source>this print(...) calls {code}(), which may change the parameters or draw random numbers, and LayerLab does not run it: print only values such as {module}.weight.shape</source>
        <translation>这个 print(...) 调用了 {code}()，它可能修改参数或抽取随机数，而 LayerLab 不会运行它：请只打印 {module}.weight.shape 这样的值</translation>
    </message>
    <message>
        <source>nn.init.{function}(...) does not take these arguments: {reason}</source>
        <translation>nn.init.{function}(...) 不接收这些参数：{reason}</translation>
    </message>
    <message>
        <source>the update {source!r} is not a rule expression LayerLab reads: {reason}</source>
        <translation>更新 {source!r} 不是 LayerLab 能读取的规则表达式：{reason}</translation>
    </message>
    <message>
        <source>{attr}() takes {names} here</source>
        <translation>{attr}() 在这里接收 {names}</translation>
    </message>
    <message>
        <source>only &apos;with torch.no_grad():&apos; is read in an init function. {supported}.</source>
        <translation>初始化函数中只读取 &apos;with torch.no_grad():&apos;。{supported}。</translation>
    </message>
    <message>
        <source>this augmented assignment is not an update LayerLab reads. {supported}.</source>
        <translation>这个增量赋值不是 LayerLab 能读取的更新。{supported}。</translation>
    </message>
    <message>
        <source>{construct} inside the init function {function}(): LayerLab reads init functions as rules and does not run them. {supported}.</source>
        <translation>初始化函数 {function}() 中的{construct}：LayerLab 把初始化函数读作规则，并不运行它们。{supported}。</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>无参数</translation>
    </message>
    <message>
        <source>{shown!r} is not part of the rule expression language: it knows w, numbers, + - * / ** comparisons and torch.{names}</source>
        <translation>{shown!r} 不属于规则表达式语言：它认识 w、数字、+ - * / **、比较运算和 torch.{names}</translation>
    </message>
    <message>
        <source>a parameter</source>
        <translation>一个参数</translation>
    </message>
    <message>
        <source>a size that differs from parameter to parameter</source>
        <translation>一个随参数而不同的大小</translation>
    </message>
    <message>
        <source>{name!r} is {what}, not a number: LayerLab reads it in a custom update of the fresh values (w.copy_(...)), not as an init argument</source>
        <translation>{name!r} 是{what}，不是数字：LayerLab 在对新生成数值的自定义更新（w.copy_(...)）中读取它，而不是作为初始化参数</translation>
    </message>
    <message>
        <source>{name!r} is assigned on line {assigned} of the init function, but not before this line in this block, so running it would fail here or read another value: assign it first, in the same block</source>
        <translation>{name!r} 在初始化函数的第 {assigned} 行被赋值，但在这个块中不是在这一行之前，所以运行时这里会出错或读到另一个值：请先在同一个块中给它赋值</translation>
    </message>
    <message>
        <source>the update grows beyond {limit} parts once its names are written out, longer than a rule expression may be: write it shorter</source>
        <translation>更新中的名称展开后超过 {limit} 个部分，超过了规则表达式允许的长度：请写得短一些</translation>
    </message>
    <message>
        <source>{local!r} was worked out on line {line} from the parameter&apos;s values at that point, which are not the values this update changes (drawn by nn.init.{function} on line {drawn}): work it out after the nn.init call whose fresh values it updates, in the same block</source>
        <translation>{local!r} 是在第 {line} 行根据参数当时的值算出的，而那不是这次更新所改变的值（由第 {drawn} 行的 nn.init.{function} 抽取）：请在它要更新其新值的那个 nn.init 调用之后、在同一个块中计算它</translation>
    </message>
    <message>
        <source>{local!r} was worked out on line {line} from the parameter&apos;s values at that point, which are not the values this update changes: work it out after the nn.init call whose fresh values it updates, in the same block</source>
        <translation>{local!r} 是在第 {line} 行根据参数当时的值算出的，而那不是这次更新所改变的值：请在它要更新其新值的那个 nn.init 调用之后、在同一个块中计算它</translation>
    </message>
    <message>
        <source>the expression is nested more than {limit} levels deep</source>
        <translation>表达式的嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{program}() cannot become an init rule: {reason}</source>
        <translation>{program}() 无法成为初始化规则：{reason}</translation>
    </message>
    <message>
        <source>an init rule does not fit: {reason}</source>
        <translation>初始化规则不适用：{reason}</translation>
    </message>
    <message>
        <source>an init rule fails on this model: {reason}</source>
        <translation>初始化规则在这个模型上出错：{reason}</translation>
    </message>
    <message>
        <source>{attr}({key!r}) fails: {reason}</source>
        <translation>{attr}({key!r}) 出错：{reason}</translation>
    </message>
    <message>
        <source>{layers} and {count} more</source>
        <translation>{layers} 等另外 {count} 个</translation>
    </message>
    <message>
        <source>{layers}: its size follows the input (&quot;auto&quot;), as a lazy layer&apos;s does.</source>
        <translation>{layers}：它的大小跟随输入（“auto”），和惰性层一样。</translation>
    </message>
    <message>
        <source>{layers}: each size follows the input (&quot;auto&quot;), as a lazy layer&apos;s does.</source>
        <translation>{layers}：各自的大小跟随输入（“auto”），和惰性层一样。</translation>
    </message>
    <message>
        <source>torch draws a lazy layer&apos;s weights at the model&apos;s first forward pass, after its other layers, in the order the data reaches them; LayerLab draws them in that order too, so they are the file&apos;s unless something else draws random numbers between building the model and that pass (here {call!r} on line {line} may, if it runs after torch.manual_seed).</source>
        <translation>torch 在模型第一次前向传播时抽取惰性层的权重，晚于其他层，并按数据到达它们的顺序进行；LayerLab 也按这个顺序抽取，所以这些权重与文件中的相同，除非在构建模型和那次前向传播之间有别的东西抽取了随机数（这里第 {line} 行的 {call!r} 如果在 torch.manual_seed 之后运行，就可能这样）。</translation>
    </message>
    <message>
        <source>torch draws a lazy layer&apos;s weights at the model&apos;s first forward pass, after its other layers, in the order the data reaches them; LayerLab draws them in that order too, so they are the file&apos;s unless something else draws random numbers between building the model and that pass.</source>
        <translation>torch 在模型第一次前向传播时抽取惰性层的权重，晚于其他层，并按数据到达它们的顺序进行；LayerLab 也按这个顺序抽取，所以这些权重与文件中的相同，除非在构建模型和那次前向传播之间有别的东西抽取了随机数。</translation>
    </message>
    <message>
        <source>the file never runs the model on a batch LayerLab can read (X = torch.rand(...); net(X)), and the layers before it do not say what input the model takes</source>
        <translation>这个文件从未用 LayerLab 能读取的批次运行模型（X = torch.rand(...); net(X)），而它之前的层也没有说明模型接收什么输入</translation>
    </message>
    <message>
        <source>Sequential of {count} (too large to read)</source>
        <translation>{count} 项的 Sequential（太大，无法读取）</translation>
    </message>
    <message>
        <source>{count} distinct layer</source>
        <translation>{count} 个不同的层</translation>
    </message>
    <message>
        <source>{count} distinct layers</source>
        <translation>{count} 个不同的层</translation>
    </message>
    <message>
        <source>{count} layer</source>
        <translation>{count} 个层</translation>
    </message>
    <message>
        <source>{count} layers</source>
        <translation>{count} 个层</translation>
    </message>
    <message>
        <source>its Sequentials are nested more than {limit} levels deep, as deep as a design goes</source>
        <translation>它的 Sequential 嵌套超过 {limit} 层，这是设计所能达到的最大深度</translation>
    </message>
    <message>
        <source>cannot be read: {problem}</source>
        <translation>无法读取：{problem}</translation>
    </message>
    <message>
        <source>it has more than {limit:,} blocks, more than LayerLab reads</source>
        <translation>它有超过 {limit:,} 个块，超过了 LayerLab 能读取的数量</translation>
    </message>
    <message>
        <source>{model} needs {need} for its parameters, but only {free} of memory is free: choose smaller sizes</source>
        <translation>{model} 的参数需要 {need}，但可用内存只有 {free}：请选择更小的大小</translation>
    </message>
    <message>
        <source>this is not valid Python: {reason}</source>
        <translation>这不是有效的 Python：{reason}</translation>
    </message>
    <message>
        <source>the code is nested far too deeply to read; LayerLab reads models nested at most {limit} levels deep</source>
        <translation>代码嵌套太深，无法读取；LayerLab 读取嵌套最多 {limit} 层的模型</translation>
    </message>
    <message>
        <source>{model} is too large: {reason}.</source>
        <translation>{model} 太大：{reason}。</translation>
    </message>
    <message>
        <source>{model} cannot become a design: {reason}</source>
        <translation>{model} 无法成为设计：{reason}</translation>
    </message>
    <message>
        <source>The source runs the model on a batch of shape {shape}, which LayerLab cannot use as the input shape; it is inferred instead.</source>
        <translation>源代码在形状为 {shape} 的批次上运行模型，LayerLab 无法把它用作输入形状；改为自动推断输入形状。</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket)</source>
        <translation>不是普通文件（是设备、管道或套接字）</translation>
    </message>
    <message>
        <source>{path} is {size}; LayerLab reads Python code of up to {limit:,} characters. Is it really a model definition?</source>
        <translation>{path} 有 {size}；LayerLab 读取最多 {limit:,} 个字符的 Python 代码。它真的是模型定义吗？</translation>
    </message>
    <message>
        <source>{path} grew past {limit} while it was read.</source>
        <translation>{path} 在读取过程中增长到超过 {limit}。</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>range() cannot step by 0</source>
        <translation>range() 的步长不能是 0</translation>
    </message>
    <message>
        <source>one item</source>
        <translation>一项</translation>
    </message>
    <message>
        <source>an index and an item</source>
        <translation>一个索引和一项</translation>
    </message>
    <message>
        <source>the list grows beyond {limit:,} items</source>
        <translation>列表增长超过 {limit:,} 项</translation>
    </message>
    <message>
        <source>{construct}, {snippet}, changes {name!r}; LayerLab does not run code when it reads a model: write the layers out in nn.Sequential(...) instead</source>
        <translation>{construct}（{snippet}）修改了 {name!r}；LayerLab 读取模型时不运行代码：请在 nn.Sequential(...) 中写出各层</translation>
    </message>
    <message>
        <source>{construct} ({snippet}) changes {name!r} with {change}; LayerLab does not run code when it reads a model: write the layers out in nn.Sequential(...) instead</source>
        <translation>{construct}（{snippet}）通过 {change} 修改了 {name!r}；LayerLab 读取模型时不运行代码：请在 nn.Sequential(...) 中写出各层</translation>
    </message>
    <message>
        <source>Line {line}: {snippet!r} was not run: LayerLab reads how the model is built, so its weights are the freshly constructed ones.</source>
        <translation>第 {line} 行：{snippet!r} 没有运行：LayerLab 读取的是模型如何构建，所以它的权重是刚创建时的权重。</translation>
    </message>
    <message>
        <source>{construct} on line {line} ({snippet}) changes the list {name!r}, and LayerLab does not run it: write the list out, e.g. {name} = [nn.Linear(4, 8), nn.ReLU()], or use {name}.append(...) outside loops</source>
        <translation>第 {line} 行的 {construct}（{snippet}）修改了列表 {name!r}，而 LayerLab 不会运行它：请写出这个列表，例如 {name} = [nn.Linear(4, 8), nn.ReLU()]，或在循环之外使用 {name}.append(...)</translation>
    </message>
    <message>
        <source>LayerLab reads nn.Sequential(...) of torch.nn layers whose hyperparameters are numbers, strings, True/False/None, tuples, arithmetic on them and names assigned earlier</source>
        <translation>LayerLab 读取由 torch.nn 层组成的 nn.Sequential(...)，其超参数为数字、字符串、True/False/None、元组、对它们的算术运算以及先前赋值的名称</translation>
    </message>
    <message>
        <source>the class {name} (make one: {name}(...))</source>
        <translation>类 {name}（请创建一个实例：{name}(...)）</translation>
    </message>
    <message>
        <source>a tensor of shape {shape}</source>
        <translation>形状为 {shape} 的张量</translation>
    </message>
    <message>
        <source>{what} of nn.Sequential is {value}, not a layer</source>
        <translation>nn.Sequential 的{what}是 {value}，不是层</translation>
    </message>
    <message>
        <source>the operator {operator} is not supported; LayerLab works out + - * / // % **</source>
        <translation>不支持运算符 {operator}；LayerLab 计算 + - * / // % **</translation>
    </message>
    <message>
        <source>LayerLab does not support the {extra!r} argument of {layer}: leave it out (LayerLab sets {names})</source>
        <translation>LayerLab 不支持 {layer} 的 {extra!r} 参数：请去掉它（LayerLab 设置 {names}）</translation>
    </message>
    <message>
        <source>LayerLab does not support the {extra!r} argument of {layer}: leave it out</source>
        <translation>LayerLab 不支持 {layer} 的 {extra!r} 参数：请去掉它</translation>
    </message>
    <message>
        <source>a Sequential of more than {limit:,} layers is more than LayerLab reads</source>
        <translation>超过 {limit:,} 个层的 Sequential 超出了 LayerLab 能读取的范围</translation>
    </message>
    <message>
        <source>repeating {items} layers {count:,} times gives more than {limit:,} layers, more than LayerLab reads</source>
        <translation>把 {items} 个层重复 {count:,} 次会超过 {limit:,} 个层，超过了 LayerLab 能读取的数量</translation>
    </message>
    <message>
        <source>the file constructs more than {limit:,} layers, more than LayerLab reads</source>
        <translation>该文件创建了超过 {limit:,} 个层，超过了 LayerLab 能读取的数量</translation>
    </message>
    <message>
        <source>{left!r} {symbol} {right!r} fails: {reason}</source>
        <translation>{left!r} {symbol} {right!r} 出错：{reason}</translation>
    </message>
    <message>
        <source>torch refused {layer} with these arguments: {reason}</source>
        <translation>torch 拒绝用这些参数创建 {layer}：{reason}</translation>
    </message>
    <message>
        <source>{layer}() does not take these arguments ({reason})</source>
        <translation>{layer}() 不接收这些参数（{reason}）</translation>
    </message>
    <message>
        <source>argument {number}</source>
        <translation>第 {number} 个参数</translation>
    </message>
    <message>
        <source>repeating {items} items {count:,} times gives more than {limit:,}</source>
        <translation>把 {items} 项重复 {count:,} 次会超过 {limit:,} 项</translation>
    </message>
    <message>
        <source>{left} {symbol} {right} is not arithmetic LayerLab does; it works out numbers, and + or * of tuples</source>
        <translation>{left} {symbol} {right} 不是 LayerLab 能做的算术；它计算数字，以及元组的 + 或 *</translation>
    </message>
    <message>
        <source>the entry {key!r}</source>
        <translation>条目 {key!r}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Lesson {number} has no design {design!r}.</source>
        <translation>第 {number} 课没有设计 {design!r}。</translation>
    </message>
    <message>
        <source>The names in the file are those of block {top} alone ({first}); they were read as {top}.{first} and so on.</source>
        <translation>文件里的名字只是块 {top} 自己的名字（{first}）；它们被当作 {top}.{first} 等来读取。</translation>
    </message>
    <message>
        <source>{said} Blocks {others} fit them too.</source>
        <translation>{said}块 {others} 也能接收它们。</translation>
    </message>
    <message>
        <source>The names in the file start with {prefix}. ({first}), a model around this design; they were read without it.</source>
        <translation>文件里的名字以 {prefix}. 开头（{first}），来自包住这个设计的模型；读取时去掉了这个前缀。</translation>
    </message>
    <message>
        <source>This run needs about {needed} on {device} (parameters, buffers and a forward pass of this batch), but only {free} is free there. Use a smaller batch or a smaller design.</source>
        <translation>这次运行在 {device} 上大约需要 {needed}（参数、缓冲区和这个批次的一次前向传播），但那里只剩 {free} 可用。请用更小的批次或更小的设计。</translation>
    </message>
    <message>
        <source>This run needs about {needed} on {device} (parameters, buffers, a forward pass of this batch with the graph autograd keeps for the backward pass, and the gradients), but only {free} is free there. Use a smaller batch or a smaller design.</source>
        <translation>这次运行在 {device} 上大约需要 {needed}（参数、缓冲区、这个批次的前向传播以及 autograd 为反向传播保存的计算图，还有梯度），但那里只有 {free} 空闲。请使用更小的批次或更小的设计。</translation>
    </message>
    <message>
        <source>The input already holds NaN or Inf, so every block&apos;s output follows from it. The statistics of a block with NaN or Inf are over its finite values alone.</source>
        <translation>输入本身已含有 NaN 或 Inf，所以每个块的输出都由此而来。含有 NaN 或 Inf 的块，其统计量只按有限值计算。</translation>
    </message>
    <message>
        <source>NaN or Inf first appears in the output of block {path}; everything after it follows from there. The statistics of a block with NaN or Inf are over its finite values alone.</source>
        <translation>NaN 或 Inf 最早出现在块 {path} 的输出中；之后的一切都由此而来。含有 NaN 或 Inf 的块，其统计量只按有限值计算。</translation>
    </message>
    <message>
        <source>x is a {type}, not a tensor: pass one, e.g. torch.tensor(...) or torch.randn(2, 20).</source>
        <translation>x 是 {type}，不是张量：请传入一个张量，例如 torch.tensor(...) 或 torch.randn(2, 20)。</translation>
    </message>
    <message>
        <source>The teacher task regresses a second network of this design with fresh random values, but its layers draw none (they have no reset_parameters(), or it sets fixed values, such as LayerNorm&apos;s ones and zeros), so the teacher would be the design itself. Use the clusters task.</source>
        <translation>模仿教师（teacher）任务要回归一个结构相同、取新随机值的第二个网络，但这个设计的层不会抽取新值（它们没有 reset_parameters()，或者它设置的是固定值，例如 LayerNorm 的全 1 和全 0），所以教师就会是设计本身。请使用点簇分类（clusters）任务。</translation>
    </message>
    <message>
        <source>Training step {step}</source>
        <translation>训练第 {step} 步</translation>
    </message>
    <message>
        <source>{name} describes its contents in {size} (its data.pkl part), more than LayerLab reads in a file of this kind ({limit}; torch.save of a tensor writes a few hundred bytes there, and a design of 10,000 blocks about 2 MiB), so LayerLab did not open it.</source>
        <translation>{name} 用 {size} 描述它的内容（它的 data.pkl 部分），超过了 LayerLab 对这类文件读取的上限（{limit}；torch.save 保存一个张量时这里只写几百字节，一个 10,000 个块的设计大约 2 MiB），所以 LayerLab 没有打开它。</translation>
    </message>
    <message>
        <source>it is not readable JSON ({reason})</source>
        <translation>它不是可读的 JSON（{reason}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; needs 1 to {limit} paragraphs in {language}</source>
        <translation>&apos;{key}&apos; 在 {language} 中需要 1 到 {limit} 个段落</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; needs one line of text in {language}</source>
        <translation>&apos;{key}&apos; 在 {language} 中需要一行文本</translation>
    </message>
    <message>
        <source>LayerLab cannot write a {type} as a Python literal: {value!r:.60}</source>
        <translation>LayerLab 无法把 {type} 写成 Python 字面量：{value!r:.60}</translation>
    </message>
    <message>
        <source>A script called {name} imports itself instead of the &apos;{module}&apos; module when run; choose another name.</source>
        <translation>名为 {name} 的脚本运行时会导入它自己，而不是 &apos;{module}&apos; 模块；请换一个名字。</translation>
    </message>
    <message>
        <source>The weights file needs a name, like &apos;model_weights.pt&apos;.</source>
        <translation>权重文件需要一个名字，例如 &apos;model_weights.pt&apos;。</translation>
    </message>
    <message>
        <source>{name!r} is a path; give only the file name (like &apos;model_weights.pt&apos;): the exported script loads the weights from its own folder.</source>
        <translation>{name!r} 是一个路径；请只给出文件名（例如 &apos;model_weights.pt&apos;）：导出的脚本会从它自己所在的文件夹载入权重。</translation>
    </message>
    <message>
        <source>{ref} has no forward method; LayerLab reads classes whose forward returns the output: def forward(self, X): return ...</source>
        <translation>{ref} 没有 forward 方法；LayerLab 读取 forward 返回输出的类：def forward(self, X): return ...</translation>
    </message>
    <message>
        <source>{ref} has both submodules and its own parameters (self.{first}, line {line}); LayerLab reads a class with parameters as a layer and one with submodules as a block: move the parameters into a layer class of their own</source>
        <translation>{ref} 既有子模块又有自己的参数（self.{first}，第 {line} 行）；LayerLab 把有参数的类读作层，把有子模块的类读作块：请把这些参数移到单独的层类中</translation>
    </message>
    <message>
        <source>{ref} has both submodules and its own tensor (self.{first}, line {line}, a constant that parameters() does not see); LayerLab reads a class with tensors as a layer and one with submodules as a block: move the tensor into a layer class of its own</source>
        <translation>{ref} 既有子模块又有自己的张量（self.{first}，第 {line} 行，一个 parameters() 看不到的常量）；LayerLab 把有张量的类读作层，把有子模块的类读作块：请把这个张量移到单独的层类中</translation>
    </message>
    <message>
        <source>{ref} has numbered submodules ({numbered!r}, as nn.Sequential numbers them), which forward can only apply all in turn: LayerLab reads for layer in self.children(): X = layer(X), then return X</source>
        <translation>{ref} 有编号的子模块（{numbered!r}，像 nn.Sequential 那样编号），forward 只能依次应用它们全部：LayerLab 读取 for layer in self.children(): X = layer(X)，然后 return X</translation>
    </message>
    <message>
        <source>decorators on a class are not read by LayerLab: remove it from {ref}</source>
        <translation>LayerLab 不读取类上的装饰器：请把它从 {ref} 上去掉</translation>
    </message>
    <message>
        <source>class keywords (metaclass=...) are not read by LayerLab: derive {ref} from nn.Module only</source>
        <translation>LayerLab 不读取类关键字（metaclass=...）：请让 {ref} 只继承 nn.Module</translation>
    </message>
    <message>
        <source>{ref}.__init__ must take self first</source>
        <translation>{ref}.__init__ 的第一个参数必须是 self</translation>
    </message>
    <message>
        <source>{ref} takes its submodules as *{varargs}; LayerLab reads its forward when it applies them in turn and returns the result: for block in self._modules.values(): X = block(X), then return X</source>
        <translation>{ref} 以 *{varargs} 接收子模块；当它的 forward 依次应用它们并返回结果时，LayerLab 才能读取：for block in self._modules.values(): X = block(X)，然后 return X</translation>
    </message>
    <message>
        <source>decorators on {stmt} are not read by LayerLab: remove it</source>
        <translation>LayerLab 不读取 {stmt} 上的装饰器：请去掉它</translation>
    </message>
    <message>
        <source>the {what} {name!r} of {ref} is {clash}: rename it</source>
        <translation>{ref} 的{what} {name!r} 是{clash}：请重命名</translation>
    </message>
    <message>
        <source>{ref}.__init__ takes **{arg}, which LayerLab does not read: name each constructor argument</source>
        <translation>{ref}.__init__ 接收 **{arg}，LayerLab 不读取它：请逐个写出构造函数的参数</translation>
    </message>
    <message>
        <source>the argument {name}={text} of nn.init.{function} depends on the constructor&apos;s arguments; LayerLab keeps an initial value&apos;s arguments as plain numbers: write the number</source>
        <translation>nn.init.{function} 的参数 {name}={text} 依赖构造函数的参数；LayerLab 把初始值的参数保存为普通数字：请写出这个数</translation>
    </message>
    <message>
        <source>{class_name}.forward does not end with a return: return the output tensor</source>
        <translation>{class_name}.forward 没有以 return 结尾：请返回输出张量</translation>
    </message>
    <message>
        <source>decorators on forward are not read by LayerLab: remove it</source>
        <translation>LayerLab 不读取 forward 上的装饰器：请去掉它</translation>
    </message>
    <message>
        <source>{class_name}.forward must take self and one input, e.g. def forward(self, X); LayerLab reads layers with one input</source>
        <translation>{class_name}.forward 必须接收 self 和一个输入，例如 def forward(self, X)；LayerLab 读取只有一个输入的层</translation>
    </message>
    <message>
        <source>Line {line}: print(...) in {class_name}.forward is skipped: it shows something while the model runs and changes nothing it computes.</source>
        <translation>第 {line} 行：{class_name}.forward 中的 print(...) 被跳过：它只在模型运行时显示内容，不改变任何计算结果。</translation>
    </message>
    <message>
        <source>this for loop in {class_name}.forward is not one LayerLab reads: it reads for block in self._modules.values(): X = block(X) (or self.children()), which applies every submodule in turn</source>
        <translation>{class_name}.forward 中的这个 for 循环不是 LayerLab 能读取的形式：它读取 for block in self._modules.values(): X = block(X)（或 self.children()），即依次应用每个子模块</translation>
    </message>
    <message>
        <source>forward returns nothing: return the output tensor</source>
        <translation>forward 没有返回值：请返回输出张量</translation>
    </message>
    <message>
        <source>this comes after forward&apos;s return and never runs: remove it</source>
        <translation>这一句在 forward 的 return 之后，永远不会运行：请删除它</translation>
    </message>
    <message>
        <source>forward assigns {name}, the module itself; use another name</source>
        <translation>forward 给 {name}（即模块本身）赋值；请换一个名字</translation>
    </message>
    <message>
        <source>it is given no layers</source>
        <translation>没有给它任何层</translation>
    </message>
    <message>
        <source>its arguments also make layers that are not among its own</source>
        <translation>它的参数还生成了不属于它自己的层</translation>
    </message>
    <message>
        <source>it is given one layer twice (tied weights), which a block&apos;s own children cannot be</source>
        <translation>同一个层被给了它两次（共享权重），而块自己的子层不能这样</translation>
    </message>
    <message>
        <source>one of its layers was made before the call (it may be used elsewhere too, or drawn at another point of the seed&apos;s stream)</source>
        <translation>它的某个层是在调用之前创建的（可能也在别处使用，或在种子随机流的另一个位置抽取）</translation>
    </message>
    <message>
        <source>its {kind} learns its {lazy} from the first input, which a block&apos;s children do not</source>
        <translation>它的 {kind} 从第一个输入学习 {lazy}，而块的子层不能这样</translation>
    </message>
    <message>
        <source>{shown} is a layer made before the call (it may be used elsewhere too, or drawn at another point of the seed&apos;s stream)</source>
        <translation>{shown} 是在调用之前创建的层（可能也在别处使用，或在种子随机流的另一个位置抽取）</translation>
    </message>
    <message>
        <source>a statement of the file does something to one of its layers that LayerLab refuses</source>
        <translation>文件中的某条语句对它的某个层做了 LayerLab 拒绝的操作</translation>
    </message>
    <message>
        <source>LayerLab cannot write its {type} as a child</source>
        <translation>LayerLab 无法把它的 {type} 写成子层</translation>
    </message>
    <message>
        <source>{ref}.__init__ never calls super().__init__(), so nn.Module is not set up and the class cannot work: call it first</source>
        <translation>{ref}.__init__ 从未调用 super().__init__()，因此 nn.Module 没有初始化，这个类无法工作：请先调用它</translation>
    </message>
    <message>
        <source>{ref}.__init__ takes *{varargs}; LayerLab reads *args only as the submodules, added with for idx, module in enumerate({varargs}): self._modules[str(idx)] = module</source>
        <translation>{ref}.__init__ 接收 *{varargs}；LayerLab 只把 *args 读作子模块，并以 for idx, module in enumerate({varargs}): self._modules[str(idx)] = module 添加</translation>
    </message>
    <message>
        <source>nn.Module&apos;s __init__ takes no arguments: write super().__init__()</source>
        <translation>nn.Module 的 __init__ 不接收参数：请写 super().__init__()</translation>
    </message>
    <message>
        <source>the value of {name}</source>
        <translation>{name} 的值</translation>
    </message>
    <message>
        <source>{construct} in __init__ is not something LayerLab reads: set submodules, parameters and numbers on self (self.hidden = nn.Linear(...))</source>
        <translation>__init__ 中的{construct}不是 LayerLab 能读取的内容：请在 self 上设置子模块、参数和数字（self.hidden = nn.Linear(...)）</translation>
    </message>
    <message>
        <source>self.{name} is set twice in __init__; LayerLab reads each attribute set once</source>
        <translation>self.{name} 在 __init__ 中被设置了两次；LayerLab 读取只设置一次的属性</translation>
    </message>
    <message>
        <source>self.{name} starts with an underscore; LayerLab reads public attributes (name it {value})</source>
        <translation>self.{name} 以下划线开头；LayerLab 读取公开属性（请命名为 {value}）</translation>
    </message>
    <message>
        <source>self.{name} is set before super().__init__() is called, which nn.Module refuses: call super().__init__() first</source>
        <translation>self.{name} 在调用 super().__init__() 之前就被设置了，nn.Module 不允许这样：请先调用 super().__init__()</translation>
    </message>
    <message>
        <source>self.{name} is computed from a new tensor or layer; LayerLab reads a parameter created as nn.Parameter(torch.randn(...)) (or torch.empty(...) followed by nn.init.normal_(self.{name}, std=0.01)) and a submodule assigned as it is made</source>
        <translation>self.{name} 是由新的张量或层计算出来的；LayerLab 读取以 nn.Parameter(torch.randn(...)) 创建的参数（或 torch.empty(...) 后接 nn.init.normal_(self.{name}, std=0.01)），以及创建时直接赋值的子模块</translation>
    </message>
    <message>
        <source>{shown}(...) is not a way LayerLab creates a parameter: use torch.randn, torch.rand, torch.zeros, torch.ones, torch.empty (then an nn.init function) or torch.normal(mean, std, shape) with the shape</source>
        <translation>{shown}(...) 不是 LayerLab 创建参数的方式：请用 torch.randn、torch.rand、torch.zeros、torch.ones、torch.empty（之后调用 nn.init 函数）或带形状的 torch.normal(mean, std, shape)</translation>
    </message>
    <message>
        <source>give the shape of {shown} once</source>
        <translation>{shown} 的形状只需给出一次</translation>
    </message>
    <message>
        <source>{shown}(...) needs its shape written out, one size per dimension (torch.randn(in_units, units))</source>
        <translation>{shown}(...) 需要写出形状，每个维度一个大小（torch.randn(in_units, units)）</translation>
    </message>
    <message>
        <source>nn.init.{function} fills a parameter of this class created earlier in __init__: nn.init.{function}(self.weight, ...)</source>
        <translation>nn.init.{function} 填充的是这个类在 __init__ 中先前创建的参数：nn.init.{function}(self.weight, ...)</translation>
    </message>
    <message>
        <source>self.{name} is initialized twice; LayerLab reads one nn.init call per parameter</source>
        <translation>self.{name} 被初始化了两次；LayerLab 读取每个参数一次 nn.init 调用</translation>
    </message>
    <message>
        <source>self.{name} is drawn with torch.{fill} and then drawn again by nn.init.{function}: create it with torch.empty(...) before initializing it</source>
        <translation>self.{name} 先用 torch.{fill} 抽取，又被 nn.init.{function} 再次抽取：请先用 torch.empty(...) 创建，再初始化</translation>
    </message>
    <message>
        <source>LayerLab reads self.{attr}(&quot;name&quot;, layer) with the name written out</source>
        <translation>LayerLab 读取写出名称的 self.{attr}(&quot;name&quot;, layer)</translation>
    </message>
    <message>
        <source>a submodule&apos;s name is text, such as &quot;0&quot; or &quot;hidden&quot;</source>
        <translation>子模块的名称是文本，例如 &quot;0&quot; 或 &quot;hidden&quot;</translation>
    </message>
    <message>
        <source>the submodule {name!r} is added before super().__init__() is called, which nn.Module refuses: call super().__init__() first</source>
        <translation>子模块 {name!r} 在调用 super().__init__() 之前就被添加了，nn.Module 不允许这样：请先调用 super().__init__()</translation>
    </message>
    <message>
        <source>the submodule {name!r} is set twice in __init__; LayerLab reads each attribute set once</source>
        <translation>子模块 {name!r} 在 __init__ 中被设置了两次；LayerLab 读取只设置一次的属性</translation>
    </message>
    <message>
        <source>write super().__init__() (or super(Cls, self).__init__())</source>
        <translation>请写 super().__init__()（或 super(Cls, self).__init__()）</translation>
    </message>
    <message>
        <source>nn.Parameter takes one tensor, e.g. nn.Parameter(torch.randn(in_units, units))</source>
        <translation>nn.Parameter 接收一个张量，例如 nn.Parameter(torch.randn(in_units, units))</translation>
    </message>
    <message>
        <source>nn.Parameter(...) takes a new tensor here, e.g. torch.randn(in_units, units)</source>
        <translation>这里的 nn.Parameter(...) 接收一个新张量，例如 torch.randn(in_units, units)</translation>
    </message>
    <message>
        <source>the argument {arg}= of {shown} is not read by LayerLab: give only the shape</source>
        <translation>LayerLab 不读取 {shown} 的参数 {arg}=：请只给出形状</translation>
    </message>
    <message>
        <source>LayerLab reads parameters that train (requires_grad=True)</source>
        <translation>LayerLab 读取会训练的参数（requires_grad=True）</translation>
    </message>
    <message>
        <source>LayerLab reads torch.normal(mean, std, shape), e.g. torch.normal(0, 0.01, (num_inputs, num_hiddens))</source>
        <translation>LayerLab 读取 torch.normal(mean, std, shape)，例如 torch.normal(0, 0.01, (num_inputs, num_hiddens))</translation>
    </message>
    <message>
        <source>**kwargs are not supported: write each argument as name=value</source>
        <translation>不支持 **kwargs：请把每个参数写成 name=value</translation>
    </message>
    <message>
        <source>{definition} cannot become a LayerLab definition: {reason}.</source>
        <translation>{definition} 无法成为 LayerLab 定义：{reason}。</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}。</translation>
    </message>
    <message>
        <source>its {kind}&apos;s {key} = {text} follows the constructor&apos;s arguments, and a {name} block&apos;s layers are fixed</source>
        <translation>它的 {kind} 的 {key} = {text} 随构造函数的参数而变，而 {name} 块的层是固定的</translation>
    </message>
    <message>
        <source>{name}.{child}: {key} = {text} could not be worked out: {reason}</source>
        <translation>{name}.{child}：无法算出 {key} = {text}：{reason}</translation>
    </message>
    <message>
        <source>the submodule name {name!r} is not one LayerLab keeps: use a name like &apos;hidden&apos; or a number 0, 1, … as nn.Sequential does</source>
        <translation>子模块名称 {name!r} 不是 LayerLab 能保留的名称：请像 nn.Sequential 那样使用 &apos;hidden&apos; 之类的名称或数字 0、1、…</translation>
    </message>
    <message>
        <source>{shown}(...) is not a layer LayerLab knows: use torch.nn layers, nn.Sequential or a class of the file</source>
        <translation>{shown}(...) 不是 LayerLab 知道的层：请使用 torch.nn 的层、nn.Sequential 或文件中的类</translation>
    </message>
    <message>
        <source>{name} must be a new layer here, e.g. nn.Linear(...)</source>
        <translation>{name} 在这里必须是一个新层，例如 nn.Linear(...)</translation>
    </message>
    <message>
        <source>{shown} learns its {learned} from the first input, which LayerLab does not follow inside a class: write nn.{kind}(...) with {learned} given</source>
        <translation>{shown} 从第一个输入学习 {learned}，而 LayerLab 在类中不追踪这一点：请写出给定 {learned} 的 nn.{kind}(...)</translation>
    </message>
    <message>
        <source>LayerLab reads OrderedDict([(&quot;name&quot;, layer), ...]) here, with the names written out</source>
        <translation>LayerLab 在这里读取写出名称的 OrderedDict([(&quot;name&quot;, layer), ...])</translation>
    </message>
    <message>
        <source>star-args (*) are not supported here: write each argument out</source>
        <translation>这里不支持星号参数（*）：请逐个写出参数</translation>
    </message>
    <message>
        <source>nn.Sequential takes layers as positional arguments</source>
        <translation>nn.Sequential 以位置参数接收层</translation>
    </message>
    <message>
        <source>LayerLab does not support the {extra!r} argument of {shown}: leave it out</source>
        <translation>LayerLab 不支持 {shown} 的 {extra!r} 参数：请去掉它</translation>
    </message>
    <message>
        <source>{ref} takes *args and other arguments; LayerLab reads a class that takes only its layers (MySequential(nn.Linear(...), ...)) inside another class</source>
        <translation>{ref} 接收 *args 和其他参数；LayerLab 读取在另一个类中只接收其层的类（MySequential(nn.Linear(...), ...)）</translation>
    </message>
    <message>
        <source>{construct} is not supported in forward; LayerLab reads one expression over the input: arithmetic, @, torch functions, tensor methods, the module&apos;s parameters and submodules</source>
        <translation>forward 中不支持{construct}；LayerLab 读取对输入的一个表达式：算术、@、torch 函数、张量方法、模块的参数和子模块</translation>
    </message>
    <message>
        <source>self.{name} is not set in __init__ as a parameter, a tensor or a number</source>
        <translation>self.{name} 没有在 __init__ 中被设置为参数、张量或数字</translation>
    </message>
    <message>
        <source>{shown}(...) is not a torch function LayerLab knows; forward may call torch and F functions (F.relu, torch.matmul), tensor methods (x.mean()) and submodules (self.hidden(x))</source>
        <translation>{shown}(...) 不是 LayerLab 知道的 torch 函数；forward 可以调用 torch 和 F 函数（F.relu、torch.matmul）、张量方法（x.mean()）和子模块（self.hidden(x)）</translation>
    </message>
    <message>
        <source>self.{attribute} is not a number assigned earlier in __init__; write the value itself, or a constructor argument</source>
        <translation>self.{attribute} 不是在 __init__ 中先前赋值的数字；请写出值本身，或一个构造函数参数</translation>
    </message>
    <message>
        <source>a {type} constant is not supported in forward</source>
        <translation>forward 中不支持 {type} 常量</translation>
    </message>
    <message>
        <source>reading .{attr} is not supported in forward; LayerLab reads tensor methods such as x.mean(dim=1), the module&apos;s own parameters (self.weight) and submodules (self.hidden(x))</source>
        <translation>forward 中不支持读取 .{attr}；LayerLab 读取 x.mean(dim=1) 这样的张量方法、模块自己的参数（self.weight）和子模块（self.hidden(x)）</translation>
    </message>
    <message>
        <source>forward uses the module itself; LayerLab reads its parameters (self.weight) and submodules (self.hidden(x))</source>
        <translation>forward 用到了模块本身；LayerLab 读取它的参数（self.weight）和子模块（self.hidden(x)）</translation>
    </message>
    <message>
        <source>self.{name} is a submodule: call it, self.{name}(x)</source>
        <translation>self.{name} 是子模块：请调用它，self.{name}(x)</translation>
    </message>
    <message>
        <source>calling what a call returns is not supported in forward; it calls torch functions (F.relu), tensor methods (x.mean()) and submodules (self.hidden(x))</source>
        <translation>forward 中不支持调用一个调用返回的东西；它可以调用 torch 函数（F.relu）、张量方法（x.mean()）和子模块（self.hidden(x)）</translation>
    </message>
    <message>
        <source>{construct} is not supported in forward; it calls torch functions (F.relu), tensor methods (x.mean()) and submodules (self.hidden(x))</source>
        <translation>forward 中不支持{construct}；它可以调用 torch 函数（F.relu）、张量方法（x.mean()）和子模块（self.hidden(x)）</translation>
    </message>
    <message>
        <source>{what} is {type}, not a number; LayerLab reads numbers, text, True/False/None and tuples here, and arithmetic on the constructor&apos;s arguments</source>
        <translation>{what} 是 {type}，不是数字；LayerLab 在这里读取数字、文本、True/False/None 和元组，以及对构造函数参数的算术</translation>
    </message>
    <message>
        <source>the operator {type} is not supported in forward; use + - * / // % ** and @</source>
        <translation>forward 中不支持运算符 {type}；请使用 + - * / // % ** 和 @</translation>
    </message>
    <message>
        <source>star-args (*) are not supported in forward: write each argument out</source>
        <translation>forward 中不支持星号参数（*）：请逐个写出参数</translation>
    </message>
    <message>
        <source>self.{child} is not a submodule assigned in __init__, so it cannot be called</source>
        <translation>self.{child} 不是在 __init__ 中赋值的子模块，所以不能调用</translation>
    </message>
    <message>
        <source>self.{child}(...) takes the one tensor it transforms</source>
        <translation>self.{child}(...) 接收它要变换的那一个张量</translation>
    </message>
    <message>
        <source>{ref} is a class defined in the file; LayerLab reads it only while reading a whole file</source>
        <translation>{ref} 是文件中定义的类；LayerLab 只在读取整个文件时读取它</translation>
    </message>
    <message>
        <source>this unary operator on {what} is not supported; LayerLab works out -x and +x of numbers</source>
        <translation>不支持对{what}使用这个一元运算符；LayerLab 计算数字的 -x 和 +x</translation>
    </message>
    <message>
        <source>a Sequential supports * (repeat it n times) and + (join two Sequentials)</source>
        <translation>Sequential 支持 *（重复 n 次）和 +（连接两个 Sequential）</translation>
    </message>
    <message>
        <source>calling {what} is not supported; LayerLab calls torch.nn layers, nn.Sequential, OrderedDict and functions defined in the file</source>
        <translation>不支持调用{what}；LayerLab 调用 torch.nn 的层、nn.Sequential、OrderedDict 和文件中定义的函数</translation>
    </message>
    <message>
        <source>indexing {what} is not supported; LayerLab indexes and slices Sequentials, lists and tuples</source>
        <translation>不支持对{what}进行索引；LayerLab 可以对 Sequential、列表和元组进行索引和切片</translation>
    </message>
    <message>
        <source>{ref}(...) needs whole-number sizes</source>
        <translation>{ref}(...) 需要整数大小</translation>
    </message>
    <message>
        <source>OrderedDict takes one list of (name, layer) pairs</source>
        <translation>OrderedDict 接收一个由 (name, layer) 对组成的列表</translation>
    </message>
    <message>
        <source>{function}() calls itself; LayerLab reads functions that do not recurse</source>
        <translation>{function}() 调用了它自己；LayerLab 读取不递归的函数</translation>
    </message>
    <message>
        <source>functions call each other more than 16 deep</source>
        <translation>函数相互调用的深度超过 16 层</translation>
    </message>
    <message>
        <source>{function}() takes *args or **kwargs, which LayerLab does not read: name each parameter</source>
        <translation>{function}() 接收 *args 或 **kwargs，LayerLab 不读取它们：请给每个参数命名</translation>
    </message>
    <message>
        <source>{function}() returns nothing: end it with return nn.Sequential(...)</source>
        <translation>{function}() 没有返回值：请以 return nn.Sequential(...) 结尾</translation>
    </message>
    <message>
        <source>an f-string here can hold numbers and strings, not {what}</source>
        <translation>这里的 f-string 只能放数字和字符串，不能放 {what}</translation>
    </message>
    <message>
        <source>this f-string asks for a width beyond {limit:,} characters</source>
        <translation>这个 f-string 要求的宽度超过了 {limit:,} 个字符</translation>
    </message>
    <message>
        <source>this f-string is far too long for a name</source>
        <translation>这个 f-string 作为名字太长了</translation>
    </message>
    <message>
        <source>slice bounds must be whole numbers, e.g. seq[0:2]</source>
        <translation>切片边界必须是整数，例如 seq[0:2]</translation>
    </message>
    <message>
        <source>a slice step cannot be zero</source>
        <translation>切片步长不能为零</translation>
    </message>
    <message>
        <source>the index must be a whole number, not {what}</source>
        <translation>索引必须是整数，而不是{what}</translation>
    </message>
    <message>
        <source>index {index} is out of range: it has {count} items</source>
        <translation>索引 {index} 超出范围：它只有 {count} 项</translation>
    </message>
    <message>
        <source>only an nn.Sequential can be repeated (*) or joined (+); wrap the layer in nn.Sequential(...) first</source>
        <translation>只有 nn.Sequential 可以重复（*）或连接（+）；请先把这个层包进 nn.Sequential(...)</translation>
    </message>
    <message>
        <source>star-args (*args) are only read in nn.Sequential(*layers): write each argument out</source>
        <translation>星号参数（*args）只在 nn.Sequential(*layers) 中读取：请逐个写出参数</translation>
    </message>
    <message>
        <source>**kwargs are not supported: write each hyperparameter as name=value</source>
        <translation>不支持 **kwargs：请把每个超参数写成 name=value</translation>
    </message>
    <message>
        <source>*{snippet} spreads {what}; LayerLab spreads a list or tuple of layers, or a Sequential: nn.Sequential(*layers)</source>
        <translation>*{snippet} 展开的是{what}；LayerLab 展开由层组成的列表或元组，或一个 Sequential：nn.Sequential(*layers)</translation>
    </message>
    <message>
        <source>nn.Sequential takes layers as positional arguments (or one OrderedDict), not keywords</source>
        <translation>nn.Sequential 以位置参数（或一个 OrderedDict）接收层，而不是关键字参数</translation>
    </message>
    <message>
        <source>{ref} is not a layer LayerLab knows. Did you mean nn.{best}? It knows nn.Sequential and: {known}.</source>
        <translation>{ref} 不是 LayerLab 知道的层。你是不是想用 nn.{best}？它知道 nn.Sequential 以及：{known}。</translation>
    </message>
    <message>
        <source>each entry of OrderedDict([...]) must be a pair (&quot;name&quot;, layer)</source>
        <translation>OrderedDict([...]) 的每一项都必须是一对 (&quot;name&quot;, layer)</translation>
    </message>
    <message>
        <source>{function}() got an unexpected or repeated argument {key!r}</source>
        <translation>{function}() 收到了意外的或重复的参数 {key!r}</translation>
    </message>
    <message>
        <source>this f-string cannot be formatted: {reason}</source>
        <translation>这个 f-string 无法格式化：{reason}</translation>
    </message>
    <message>
        <source>this constant is far too large for a hyperparameter</source>
        <translation>这个常量对超参数来说太大了</translation>
    </message>
    <message>
        <source>torch keeps the original numbers of a slice, so this Sequential&apos;s entry {position} is called ({key}), which a LayerLab design cannot hold: write nn.Sequential(*{snippet}) to number its entries from 0</source>
        <translation>torch 会保留切片中原来的编号，所以这个 Sequential 的第 {position} 项名为 ({key})，LayerLab 设计无法容纳：请写 nn.Sequential(*{snippet})，让其各项从 0 开始编号</translation>
    </message>
    <message>
        <source>{function}() is missing the argument {name!r}</source>
        <translation>{function}() 缺少参数 {name!r}</translation>
    </message>
    <message>
        <source>{name!r} is assigned again here (first on line {first}): LayerLab reads each name of an init function as the one value it is assigned, so give this value a new name</source>
        <translation>{name!r} 在这里又被赋值了（第一次在第 {first} 行）：LayerLab 把初始化函数中的每个名称读作它被赋的那一个值，所以请给这个值起一个新名字</translation>
    </message>
    <message>
        <source>{name} is worked out as in exported code (fan_in = w.shape[1] * math.prod(w.shape[2:]), numel = w.numel()) or with nn.init._calculate_fan_in_and_fan_out(w)</source>
        <translation>{name} 的计算方式与导出代码相同（fan_in = w.shape[1] * math.prod(w.shape[2:])，numel = w.numel()），或使用 nn.init._calculate_fan_in_and_fan_out(w)</translation>
    </message>
    <message>
        <source>{function}() is applied with .apply(...), which calls it with one module: define it as def {function}(m):</source>
        <translation>{function}() 通过 .apply(...) 应用，每次以一个模块调用它：请定义为 def {function}(m):</translation>
    </message>
    <message>
        <source>decorators are not supported on init functions; remove it</source>
        <translation>初始化函数不支持装饰器；请去掉它</translation>
    </message>
    <message>
        <source>an else or elif branch in an init function is not read: write one &apos;if type(m) is nn.X:&apos; block per layer type</source>
        <translation>初始化函数中的 else 或 elif 分支不会被读取：请为每种层类型写一个 &apos;if type(m) is nn.X:&apos; 块</translation>
    </message>
    <message>
        <source>named_parameters() without recurse=False also visits the parameters of submodules, which .apply(...) visits again on its own: write m.named_parameters(recurse=False)</source>
        <translation>不带 recurse=False 的 named_parameters() 还会访问子模块的参数，而 .apply(...) 会再次单独访问它们：请写 m.named_parameters(recurse=False)</translation>
    </message>
    <message>
        <source>chained assignment is not read in an init function</source>
        <translation>初始化函数中不读取链式赋值</translation>
    </message>
    <message>
        <source>module the function is applied to</source>
        <translation>函数所应用到的模块</translation>
    </message>
    <message>
        <source>parameter name of the loop</source>
        <translation>循环的参数名</translation>
    </message>
    <message>
        <source>{name!r} is the {what}; assigning it changes what the rest of the function reads: use a new name</source>
        <translation>{name!r} 是{what}；给它赋值会改变函数后面读取的内容：请使用新名字</translation>
    </message>
    <message>
        <source>{name!r} names an import of the file; assigning it inside the init function hides it: use a new name</source>
        <translation>{name!r} 是文件中的一个导入；在初始化函数中给它赋值会遮蔽它：请使用新名字</translation>
    </message>
    <message>
        <source>nn.init.{function} is read when its first argument is the module&apos;s parameter (m.weight, m.bias, or the loop&apos;s w)</source>
        <translation>当 nn.init.{function} 的第一个参数是模块的参数（m.weight、m.bias 或循环中的 w）时才会被读取</translation>
    </message>
    <message>
        <source>**kwargs are not supported</source>
        <translation>不支持 **kwargs</translation>
    </message>
    <message>
        <source>a generator= argument is not read: LayerLab&apos;s rules draw from torch&apos;s default generator, as torch.manual_seed(seed) sets it</source>
        <translation>不读取 generator= 参数：LayerLab 的规则从 torch 的默认生成器抽取，也就是 torch.manual_seed(seed) 设置的那个</translation>
    </message>
    <message>
        <source>this changes the parameter without an nn.init call just before it: a custom rule starts from an init function, e.g. nn.init.uniform_(m.weight, -10, 10), then updates the fresh values</source>
        <translation>这里修改参数之前没有紧跟 nn.init 调用：自定义规则要从一个初始化函数开始，例如 nn.init.uniform_(m.weight, -10, 10)，然后更新新生成的数值</translation>
    </message>
    <message>
        <source>an init call is followed by more than one update; LayerLab keeps one custom expression per init call: combine them into one</source>
        <translation>一个初始化调用后面跟了不止一个更新；LayerLab 每个初始化调用只保留一个自定义表达式：请把它们合并成一个</translation>
    </message>
    <message>
        <source>running this fails: an in-place change of a parameter that requires grad. Write it under &apos;with torch.no_grad():&apos; or change m.weight.data</source>
        <translation>运行这一句会出错：它原地修改了一个需要梯度的参数。请把它写在 &apos;with torch.no_grad():&apos; 下，或改为修改 m.weight.data</translation>
    </message>
    <message>
        <source>a type check in an init function compares with a torch.nn class such as nn.Linear</source>
        <translation>初始化函数中的类型检查要与 nn.Linear 这样的 torch.nn 类比较</translation>
    </message>
    <message>
        <source>the value assigned to the selected entries must not depend on the tensor; write w.copy_(torch.where(condition, value, w)) instead</source>
        <translation>赋给所选元素的值不能依赖于张量本身；请改写为 w.copy_(torch.where(condition, value, w))</translation>
    </message>
    <message>
        <source>star-args are not supported</source>
        <translation>不支持星号参数</translation>
    </message>
    <message>
        <source>write nn.init.calculate_gain(&apos;relu&apos;) or calculate_gain(&apos;leaky_relu&apos;, 0.2)</source>
        <translation>请写 nn.init.calculate_gain(&apos;relu&apos;) 或 calculate_gain(&apos;leaky_relu&apos;, 0.2)</translation>
    </message>
    <message>
        <source>an init function&apos;s argument must be a number or a string (or a name assigned one earlier)</source>
        <translation>初始化函数的参数必须是数字或字符串（或先前被赋予这样值的名称）</translation>
    </message>
    <message>
        <source>{local!r} holds values of the module&apos;s parameters, not a number: LayerLab reads such a name in an update of the parameter ({module}.weight.data *= {local}), and init arguments that are numbers</source>
        <translation>{local!r} 保存的是模块参数的值，不是数字：LayerLab 在参数的更新中读取这样的名称（{module}.weight.data *= {local}），而初始化参数要是数字</translation>
    </message>
    <message>
        <source>an update may only use the parameter it updates</source>
        <translation>更新只能使用它所更新的那个参数</translation>
    </message>
    <message>
        <source>the {name} at {path}</source>
        <translation>位于 {path} 的 {name}</translation>
    </message>
    <message>
        <source>Line {line}: {call} cannot be kept exactly as init rules: {why}. LayerLab keeps the closest rules ({kept}), so the weights differ from running the file.</source>
        <translation>第 {line} 行：{call} 无法完全保留为初始化规则：{why}。LayerLab 保留最接近的规则（{kept}），所以权重与运行该文件时不同。</translation>
    </message>
    <message>
        <source>a {name} inside a block</source>
        <translation>块中的一个 {name}</translation>
    </message>
    <message>
        <source>the whole model (the {name})</source>
        <translation>整个模型（{name}）</translation>
    </message>
    <message>
        <source>no rule</source>
        <translation>没有规则</translation>
    </message>
    <message>
        <source>LayerLab keeps one rule per init call and layer type, and each rule runs over the whole model in turn, which draws the random numbers in another order than the function does</source>
        <translation>LayerLab 对每个初始化调用和层类型保留一条规则，每条规则依次作用于整个模型，因此抽取随机数的顺序与该函数不同</translation>
    </message>
    <message>
        <source>Line {line}: {call} runs before the model is complete; LayerLab applies init rules after building the whole model, so the weights differ from running the file. Apply it after the last change to the model.</source>
        <translation>第 {line} 行：{call} 在模型完成之前运行；LayerLab 在构建完整个模型之后才应用初始化规则，所以权重与运行该文件时不同。请在对模型的最后一次修改之后再应用它。</translation>
    </message>
    <message>
        <source>isinstance(...) also matches subclasses (such as the Linear inside a MultiheadAttention), while LayerLab&apos;s rules match exact layer types</source>
        <translation>isinstance(...) 也会匹配子类（例如 MultiheadAttention 中的 Linear），而 LayerLab 的规则只匹配确切的层类型</translation>
    </message>
    <message>
        <source>it fills parameters that LayerLab&apos;s rules cannot pick out one by one</source>
        <translation>它填充的参数是 LayerLab 的规则无法逐个挑出的</translation>
    </message>
    <message>
        <source>LayerLab initializes whole blocks: apply the function to the block itself (model[0].apply(fn))</source>
        <translation>LayerLab 初始化整个块：请把函数应用到块本身（model[0].apply(fn)）</translation>
    </message>
    <message>
        <source>running this file fails here: {where} has no {name} (it is None, e.g. bias=False). Guard it with if m.{name} is not None:</source>
        <translation>运行这个文件会在这里出错：{where} 没有 {name}（它是 None，例如 bias=False）。请用 if m.{name} is not None: 加以判断</translation>
    </message>
    <message>
        <source>m.{name} of {where} is not a tensor</source>
        <translation>{where} 的 m.{name} 不是张量</translation>
    </message>
    <message>
        <source>running this file fails here: the update uses fan_in or fan_out, which {name} of {where} ({dim}-D) does not have</source>
        <translation>运行这个文件会在这里出错：更新用到了 fan_in 或 fan_out，而 {where} 的 {name}（{dim} 维）没有</translation>
    </message>
    <message>
        <source>running this file fails here: {applied} calls {program}() on every module below it, and {where} has no {name!r}. Check the type first, e.g. if type(m) is nn.Linear:</source>
        <translation>运行这个文件会在这里出错：{applied} 对它下面的每个模块调用 {program}()，而 {where} 没有 {name!r}。请先检查类型，例如 if type(m) is nn.Linear:</translation>
    </message>
    <message>
        <source>running this file fails here: {text}</source>
        <translation>运行这个文件会在这里出错：{text}</translation>
    </message>
    <message>
        <source>{snippet} does not name a block or parameter LayerLab can follow; write model[0], model.get_submodule(&apos;a.b&apos;) or model[0].weight</source>
        <translation>{snippet} 没有指明 LayerLab 能追踪的块或参数；请写 model[0]、model.get_submodule(&apos;a.b&apos;) 或 model[0].weight</translation>
    </message>
    <message>
        <source>{snippet} has no parameter or submodule {attr!r}</source>
        <translation>{snippet} 没有参数或子模块 {attr!r}</translation>
    </message>
    <message>
        <source>requires_grad_ takes one True or False</source>
        <translation>requires_grad_ 接收一个 True 或 False</translation>
    </message>
    <message>
        <source>requires_grad is set to True or False</source>
        <translation>requires_grad 要设为 True 或 False</translation>
    </message>
    <message>
        <source>{snippet} is not an nn.Sequential, so it cannot be indexed</source>
        <translation>{snippet} 不是 nn.Sequential，所以不能索引</translation>
    </message>
    <message>
        <source>index a Sequential with a whole number here (model[0])</source>
        <translation>这里请用整数索引 Sequential（model[0]）</translation>
    </message>
    <message>
        <source>index {index} is out of range: the Sequential has {count} blocks</source>
        <translation>索引 {index} 超出范围：这个 Sequential 有 {count} 个块</translation>
    </message>
    <message>
        <source>{attr} takes a dotted name such as &apos;head.0&apos;</source>
        <translation>{attr} 接收带点的名称，例如 &apos;head.0&apos;</translation>
    </message>
    <message>
        <source>apply(...) is a method of modules, not of parameters</source>
        <translation>apply(...) 是模块的方法，不是参数的方法</translation>
    </message>
    <message>
        <source>{text} learns its {name} from its input when the model first runs, but LayerLab cannot work that out here: {why}. Write the size out (nn.{kind} with {name}=...), or run the model once on a batch in the file (X = torch.rand(...); net(X))</source>
        <translation>{text} 在模型第一次运行时从输入学习它的 {name}，但 LayerLab 在这里无法算出：{why}。请写出大小（给定 {name}=... 的 nn.{kind}），或在文件中用一个批次运行一次模型（X = torch.rand(...); net(X)）</translation>
    </message>
    <message>
        <source>{layer} (line {line}) became a {kind} with {name}={value}</source>
        <translation>{layer}（第 {line} 行）变成了 {name}={value} 的 {kind}</translation>
    </message>
    <message>
        <source>{layer} on line {line} cannot take {shape}: {problem}</source>
        <translation>第 {line} 行的 {layer} 无法接收 {shape}：{problem}</translation>
    </message>
    <message>
        <source>it receives {shape}, which has no {name} to read</source>
        <translation>它接收的是 {shape}，其中没有可读取的 {name}</translation>
    </message>
    <message>
        <source>what reaches it is not known</source>
        <translation>不知道到达它的是什么</translation>
    </message>
    <message>
        <source>the loops that build this model would run more than {limit:,} turns in all, more than LayerLab follows: build fewer layers</source>
        <translation>构建这个模型的循环总共会运行超过 {limit:,} 次，超过了 LayerLab 跟随的次数：请构建更少的层</translation>
    </message>
    <message>
        <source>No nn.Sequential model found. LayerLab reads a model written as model = nn.Sequential(...), an instance of an nn.Module class of the file (net = Net(...)), or one returned by a function such as def build_model(): return nn.Sequential(...).</source>
        <translation>没有找到 nn.Sequential 模型。LayerLab 读取这样写的模型：model = nn.Sequential(...)、文件中 nn.Module 类的实例（net = Net(...)），或由函数返回的模型，例如 def build_model(): return nn.Sequential(...)。</translation>
    </message>
    <message>
        <source>Sequential of {count} ({layers}, {parameters:,} parameters)</source>
        <translation>{count} 项的 Sequential（{layers}，{parameters:,} 个参数）</translation>
    </message>
    <message>
        <source>{layer}({values}) ({count:,} parameters)</source>
        <translation>{layer}({values})（{count:,} 个参数）</translation>
    </message>
    <message>
        <source>{blocks} blocks, {distinct}</source>
        <translation>{blocks} 个块，{distinct}</translation>
    </message>
    <message>
        <source>the source has no model called {choose!r}; it has: {names}.</source>
        <translation>源代码中没有名为 {choose!r} 的模型；它有：{names}。</translation>
    </message>
    <message>
        <source>{node} is an nn.Module class of the file, but the file never makes one, so there is no model to read. Add the line that builds the model, e.g. net = {node}(...) or model = nn.Sequential({node}(...), ...)</source>
        <translation>{node} 是文件中的 nn.Module 类，但文件从未创建它的实例，所以没有可读取的模型。请添加构建模型的那一行，例如 net = {node}(...) 或 model = nn.Sequential({node}(...), ...)</translation>
    </message>
    <message>
        <source>the code is nested far too deeply to read: build inner Sequentials as variables first (inner = nn.Sequential(...))</source>
        <translation>代码嵌套太深，无法读取：请先把内部的 Sequential 构建为变量（inner = nn.Sequential(...)）</translation>
    </message>
    <message>
        <source>{path} is {what}. Choose a .py file.</source>
        <translation>{path} 是{what}。请选择一个 .py 文件。</translation>
    </message>
    <message>
        <source>{name} holds more than {limit:,} characters of text; is it really a model definition?</source>
        <translation>{name} 中的文本超过 {limit:,} 个字符；它真的是模型定义吗？</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte {start}), so it is not Python code LayerLab can read: save it as UTF-8.</source>
        <translation>{name} 不是 UTF-8 文本（第 {start} 字节），所以不是 LayerLab 能读取的 Python 代码：请将它保存为 UTF-8。</translation>
    </message>
    <message>
        <source>{name!r} is set by {construct} on line {line}, which LayerLab does not run when it reads a model: set it with a plain assignment such as {name} = ... instead</source>
        <translation>{name!r} 由第 {line} 行的{construct}设置，而 LayerLab 读取模型时不会运行它：请改用普通赋值设置它，例如 {name} = ...</translation>
    </message>
    <message>
        <source>the argument of {method}</source>
        <translation>{method} 的参数</translation>
    </message>
    <message>
        <source>{construct} decides what the function returns, and LayerLab does not run it: end the function with return nn.Sequential(...)</source>
        <translation>{construct}决定函数返回什么，而 LayerLab 不会运行它：请以 return nn.Sequential(...) 结束函数</translation>
    </message>
    <message>
        <source>decorators are not supported on functions that build models; remove it</source>
        <translation>构建模型的函数不支持装饰器；请去掉它</translation>
    </message>
    <message>
        <source>cannot unpack {what} into {count} names</source>
        <translation>无法把{what}拆分为 {count} 个名称</translation>
    </message>
    <message>
        <source>{attr}(...) failed: {reason}.</source>
        <translation>{attr}(...) 出错：{reason}。</translation>
    </message>
    <message>
        <source>{attr}(...) takes plain arguments here</source>
        <translation>{attr}(...) 在这里接收普通参数</translation>
    </message>
    <message>
        <source>{active}() changes a list defined outside it; build the list inside the function instead</source>
        <translation>{active}() 修改了在它外部定义的列表；请改为在函数内部构建这个列表</translation>
    </message>
    <message>
        <source>extend takes a list of layers or a Sequential</source>
        <translation>extend 接收由层组成的列表或一个 Sequential</translation>
    </message>
    <message>
        <source>extend takes a list or tuple</source>
        <translation>extend 接收列表或元组</translation>
    </message>
    <message>
        <source>{attr} takes {wanted}</source>
        <translation>{attr} 接收{wanted}</translation>
    </message>
    <message>
        <source>{method} takes a name and a layer</source>
        <translation>{method} 接收一个名称和一个层</translation>
    </message>
    <message>
        <source>a Sequential supports *= n and += another Sequential</source>
        <translation>Sequential 支持 *= n 和 += 另一个 Sequential</translation>
    </message>
    <message>
        <source>{left!r} {symbol} {right!r} is a complex number</source>
        <translation>{left!r} {symbol} {right!r} 是复数</translation>
    </message>
    <message>
        <source>the result of {symbol} is far too large for a hyperparameter</source>
        <translation>{symbol} 的结果对超参数来说太大了</translation>
    </message>
    <message>
        <source>{what} is {value}, which is not a layer: use a torch.nn layer such as nn.ReLU()</source>
        <translation>{what}是 {value}，它不是层：请使用 nn.ReLU() 这样的 torch.nn 层</translation>
    </message>
    <message>
        <source>{what} is an OrderedDict: pass it as the only argument of nn.Sequential</source>
        <translation>{what}是一个 OrderedDict：请把它作为 nn.Sequential 唯一的参数</translation>
    </message>
    <message>
        <source>the OrderedDict key {key!r} is not a string: use names like &apos;conv1&apos;</source>
        <translation>OrderedDict 的键 {key!r} 不是字符串：请使用 &apos;conv1&apos; 这样的名称</translation>
    </message>
    <message>
        <source>{key!r} cannot name a block: use a name without dots that is not an attribute of nn.Sequential, e.g. &apos;conv1&apos;</source>
        <translation>{key!r} 不能用作块名：请使用不含点、且不是 nn.Sequential 属性的名称，例如 &apos;conv1&apos;</translation>
    </message>
    <message>
        <source>a Sequential can only be repeated a whole number of times, not {count!r}</source>
        <translation>Sequential 只能重复整数次，而不是 {count!r} 次</translation>
    </message>
    <message>
        <source>a Sequential must be repeated at least once (got {count})</source>
        <translation>Sequential 至少要重复一次（得到的是 {count}）</translation>
    </message>
    <message>
        <source>{what} is {value} without parentheses: call it, e.g. {value}(...)</source>
        <translation>{what}是不带括号的 {value}：请调用它，例如 {value}(...)</translation>
    </message>
    <message>
        <source>the OrderedDict key {key!r} is a number that is not its position ({index}): use a name like &apos;conv1&apos;</source>
        <translation>OrderedDict 的键 {key!r} 是一个数字，但不是它的位置（{index}）：请使用 &apos;conv1&apos; 这样的名称</translation>
    </message>
    <message>
        <source>{left!r} ** {right!r} is far too large for a hyperparameter</source>
        <translation>{left!r} ** {right!r} 对超参数来说太大了</translation>
    </message>
    <message>
        <source>{reason} The undo history no longer fits the design, so it is cleared; the design itself is kept as it is.</source>
        <translation>{reason} 撤销历史已与设计不符，因此已被清除；设计本身保持原样。</translation>
    </message>
    <message>
        <source>{reason}. The undo history no longer fits the design, so it is cleared; the design itself is kept as it is.</source>
        <translation>{reason}。撤销历史已与设计不符，因此已被清除；设计本身保持原样。</translation>
    </message>
    <message>
        <source>Could not undo {step!r}: something unexpected went wrong ({type}).</source>
        <translation>无法撤销 {step!r}：发生了意外错误（{type}）。</translation>
    </message>
    <message>
        <source>Could not redo {step!r}: something unexpected went wrong ({type}).</source>
        <translation>无法重做 {step!r}：发生了意外错误（{type}）。</translation>
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
        <source>auto</source>
        <translation>自动</translation>
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
        <translation>“运行反向传播”（“运行”标签页）之后 autograd 留在 .grad 中的梯度：它的范数和均值。没有做过反向传播时显示 &apos;—&apos;。对在多处使用的模块，它是各处梯度之和。</translation>
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
        <source>, in block {block}</source>
        <translation>，属于块 {block}</translation>
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
        <source>{names} and {n} more</source>
        <translation>{names} 以及另外 {n} 个</translation>
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
        <translation>运行前向传播</translation>
    </message>
    <message>
        <source>Run backward</source>
        <translation>运行反向传播</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the run before its next block (the block running now finishes first); nothing of it is kept</source>
        <translation>在下一个块之前停止运行（正在运行的块会先完成）；运行的结果都不会保留</translation>
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
        <source>The input changed since the last run: run it again to see its outputs.</source>
        <translation>上次运行之后输入发生了变化：请再运行一次来查看它的输出。</translation>
    </message>
    <message>
        <source>The weights changed since the last run (a kept training, an init, a reset or a load): run it again to see their outputs.</source>
        <translation>自上次运行以来权重已经改变（保留的训练、初始化、重置或加载）：请再运行一次以查看它们的输出。</translation>
    </message>
    <message>
        <source>The design changed since the last run: run it again to see its outputs.</source>
        <translation>上次运行之后设计发生了变化：请再运行一次来查看它的输出。</translation>
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
        <source>The outputs below are still those of the last run that finished.</source>
        <translation>下面显示的仍是上一次完成的运行的输出。</translation>
    </message>
    <message>
        <source>The design changed while the run was going: run it again to see its outputs.</source>
        <translation>运行期间设计发生了变化：请再运行一次来查看它的输出。</translation>
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
        <source>It ran under torch.no_grad(), so the output has no grad_fn; Run backward records the graph.</source>
        <translation>这次在 torch.no_grad() 下运行，所以输出没有 grad_fn；“运行反向传播”会记录计算图。</translation>
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
        <source>{name} is the input now: run forward to use it.</source>
        <translation>现在的输入是 {name}：按“运行前向传播”即可使用它。</translation>
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
        <source>{count}B params</source>
        <translation>{count}B 个参数</translation>
    </message>
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
        <translation>点簇分类：对可分的点簇做分类（需要 (N, 特征数) → (N, 类别数)）</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>模仿教师</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>点簇分类</translation>
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
        <source>Trains a copy in training mode (Dropout on, from the seed); the design changes only when you keep the result.</source>
        <translation>在训练模式下训练副本（Dropout 生效，随机数来自种子）；只有你选择保留结果时，设计才会改变。</translation>
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
        <source>gradient norm per block</source>
        <translation>每个块的梯度范数</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <source>The design changed since this training, so its weights no longer fit it: undo the change to keep them, or Train to start again from the design as it is now.</source>
        <translation>这次训练之后设计发生了变化，训练出的权重已经对不上它：撤销这次修改即可保留它们，或者按“训练”从现在的设计重新开始。</translation>
    </message>
    <message>
        <source>The weights changed since this training started (an init, a reset from the seed or an undo), and keeping the trained ones would overwrite that: Train to start again from the weights as they are now.</source>
        <translation>这次训练开始之后权重发生了变化（一次初始化、按种子重置或撤销），保留训练出的权重会覆盖这次变化：按“训练”从现在的权重重新开始。</translation>
    </message>
    <message>
        <source>Training {steps} steps on a copy of the model…</source>
        <translation>正在模型的副本上训练 {steps} 步…</translation>
    </message>
    <message>
        <source>Training 1 step on a copy of the model…</source>
        <translation>正在模型的副本上训练 1 步…</translation>
    </message>
    <message>
        <source>On the way it climbed to {peak}.</source>
        <translation>途中它曾升到 {peak}。</translation>
    </message>
    <message>
        <source>Off: the design changed since this training (undo the change to keep the weights).</source>
        <translation>不可用：这次训练之后设计发生了变化（撤销这次修改即可保留这些权重）。</translation>
    </message>
    <message>
        <source>Off: the weights changed since this training started (Train to start again from them).</source>
        <translation>不可用：这次训练开始之后权重发生了变化（按“训练”从现在的权重重新开始）。</translation>
    </message>
    <message>
        <source>Off: the loss blew up, so the trained weights are not worth keeping.</source>
        <translation>不可用：损失发散了，训练出的权重不值得保留。</translation>
    </message>
    <message>
        <source>Trained {steps} steps.</source>
        <translation>已训练 {steps} 步。</translation>
    </message>
    <message>
        <source>Trained 1 step.</source>
        <translation>已训练 1 步。</translation>
    </message>
    <message>
        <source>Loss {first} → {last}. Keep the trained weights, or revert.</source>
        <translation>损失 {first} → {last}。保留训练后的权重，或者还原。</translation>
    </message>
    <message>
        <source>New settings, so a new training from the design&apos;s weights: the {steps} steps not kept were dropped.</source>
        <translation>设置已改变，因此从设计的权重开始新的训练：之前未保留的 {steps} 步已被丢弃。</translation>
    </message>
    <message>
        <source>New settings, so a new training from the design&apos;s weights: the 1 step not kept was dropped.</source>
        <translation>设置已改变，因此从设计的权重开始新的训练：之前未保留的 1 步已被丢弃。</translation>
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
        <source>and {count} more</source>
        <translation>另有 {count} 个</translation>
    </message>
    <message>
        <source>Gradient curves, by block: {names}</source>
        <translation>各块的梯度曲线：{names}</translation>
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
